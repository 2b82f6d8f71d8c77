namespace Monitoring.LoadTests.Scenarios;

using Monitoring.LoadTests.Measurement;

/// <summary>
/// K consoles on /hubs/console. After the load, once alerts have stopped arriving, the log
/// (GetAlertsSince) is the truth: an alert any console does not hold is missing for that console.
/// </summary>
public sealed class ConsoleFleet(IReadOnlyList<ConsoleClient> consoles, IReadOnlyList<string> sectors) : IAsyncDisposable
{
    public IReadOnlyList<ConsoleClient> Consoles { get; } = consoles;

    public long Received => Consoles.Sum(c => c.Received);

    /// <summary>
    /// Starts count consoles. Each watches sectorsEach consecutive sectors (0: all), starting where its share of
    /// the line begins, so every sector has about count × sectorsEach / sectors consoles.
    /// </summary>
    public static async Task<ConsoleFleet> StartAsync(
        Uri baseAddress, string? accessToken, int count, int sectorsEach, string trackFormat, IReadOnlyList<string> sectors, RunTimeline timeline, string run, CancellationToken cancellationToken)
    {
        var consoles = new List<ConsoleClient>();
        try
        {
            // A few at a time: a burst of 100 handshakes on a loaded box times some out.
            foreach (var chunk in Enumerable.Range(0, count).Chunk(10))
            {
                var started = chunk.Select(_ => new ConsoleClient(baseAddress, accessToken, trackFormat, timeline, run)).ToArray();
                consoles.AddRange(started);
                await Task.WhenAll(started.Select((c, i) => c.StartAsync(Watched(chunk[i], count, sectorsEach, sectors), cancellationToken)));
            }
        }
        catch
        {
            foreach (var c in consoles)
            {
                await c.DisposeAsync();
            }

            throw;
        }

        return new ConsoleFleet(consoles, sectors);
    }

    public static IReadOnlyList<string> Watched(int console, int count, int sectorsEach, IReadOnlyList<string> sectors)
    {
        if (sectorsEach <= 0 || sectorsEach >= sectors.Count)
        {
            return sectors;
        }

        var first = (int)((long)console * sectors.Count / Math.Max(count, 1));
        return Enumerable.Range(first, sectorsEach).Select(i => sectors[i % sectors.Count]).ToArray();
    }

    /// <summary>Waits until no alert has arrived for quietFor (at most maxWait), so in-flight pushes are not counted missing.</summary>
    public async Task WaitQuietAsync(RunTimeline timeline, TimeSpan quietFor, TimeSpan maxWait)
    {
        var until = timeline.NowMicroseconds + (long)(maxWait.TotalMilliseconds * 1000);
        var quietUs = (long)(quietFor.TotalMilliseconds * 1000);
        await Task.Delay(quietFor);
        while (timeline.NowMicroseconds < until)
        {
            var last = Consoles.Count == 0 ? 0 : Consoles.Max(c => c.LastArrival);
            if (timeline.NowMicroseconds - last >= quietUs)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Alerts in the log (after each console's own snapshot) that a console never received, summed over consoles.</summary>
    public async Task<(long Missing, long Logged, long Duplicates)> VerifyAsync(CancellationToken cancellationToken)
    {
        if (Consoles.Count == 0)
        {
            return (0, 0, 0);
        }

        long missing = 0, logged = 0, duplicates = 0;

        foreach (var sector in sectors)
        {
            var ledgers = Consoles.Where(c => c.Watches(sector)).Select(c => c.Ledgers.GetValueOrDefault(sector)).ToArray();
            if (ledgers.Length == 0)
            {
                continue;
            }

            var from = ledgers.Where(l => l is not null).Select(l => l!.Baseline).DefaultIfEmpty(0).Min();
            var truth = await Consoles.First(c => c.Watches(sector)).AlertSeqsSinceAsync(sector, from, cancellationToken);
            logged += truth.Count;
            foreach (var ledger in ledgers)
            {
                if (ledger is null)
                {
                    missing += truth.Count;
                    continue;
                }

                duplicates += ledger.Duplicates;
                missing += truth.Count(seq => seq > ledger.Baseline && !ledger.Has(seq));
            }
        }

        return (missing, logged, duplicates);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in Consoles)
        {
            await c.DisposeAsync();
        }
    }
}

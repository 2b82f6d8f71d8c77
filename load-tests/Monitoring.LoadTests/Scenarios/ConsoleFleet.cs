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

    public static async Task<ConsoleFleet> StartAsync(Uri baseAddress, string? accessToken, int count, IReadOnlyList<string> sectors, RunTimeline timeline, string run, CancellationToken cancellationToken)
    {
        var consoles = new List<ConsoleClient>();
        try
        {
            // A few at a time: a burst of 100 handshakes on a loaded box times some out.
            foreach (var chunk in Enumerable.Range(0, count).Chunk(10))
            {
                var started = chunk.Select(_ => new ConsoleClient(baseAddress, accessToken, timeline, run)).ToArray();
                consoles.AddRange(started);
                await Task.WhenAll(started.Select(c => c.StartAsync(sectors, cancellationToken)));
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
        var asker = Consoles[0];
        foreach (var sector in sectors)
        {
            var ledgers = Consoles.Select(c => c.Ledgers.GetValueOrDefault(sector)).ToArray();
            var from = ledgers.Where(l => l is not null).Select(l => l!.Baseline).DefaultIfEmpty(0).Min();
            var truth = await asker.AlertSeqsSinceAsync(sector, from, cancellationToken);
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

namespace Monitoring.Host.Ingestion;

/// <summary>
/// Orders one sensor's batches that go to different sectors: such a batch waits until the sensor's earlier
/// batches, into other sectors, have been decided. Two batches of one track posted at once into two sectors
/// would otherwise be decided by both sectors at the same moment, each asking the other for the track before
/// either held it, and both would keep it (docs/protocol.md "Hand-over between sectors").
/// Batches of a sensor into the same sectors as the one before do not wait for each other: the sector grain
/// decides them one at a time anyway and commits them together, and a sensor posting faster than one commit
/// (a whole stretch's radar) must keep that group commit.
/// Sensors are the catalogue's, so the map stays as small as the catalogue. Per host: a sensor that posts to
/// two cluster hosts at once is not ordered across them.
/// </summary>
public sealed class SensorTurns
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Run> _current = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes the batch's turn for each of its sensors (<paramref name="sectors"/>: its sector calls' indexes).
    /// <see cref="Finish"/> it, whatever happens.
    /// </summary>
    public SensorTurn Take(IReadOnlyList<string> sensors, IReadOnlyList<int> sectors)
    {
        var key = SectorSetKey.Of(sectors);
        var runs = new Run[sensors.Count];
        Task? single = null;
        List<Task>? several = null;
        lock (_gate)
        {
            for (var i = 0; i < sensors.Count; i++)
            {
                if (!_current.TryGetValue(sensors[i], out var run) || !run.Key.Equals(key))
                {
                    // A new run waits for the whole run before it (into other sectors) to be decided.
                    run = new Run(key, run?.Done.Task ?? Task.CompletedTask);
                    _current[sensors[i]] = run;
                }

                run.InFlight++;
                runs[i] = run;
                if (run.Ready.IsCompleted)
                {
                    continue;
                }

                if (single is null)
                {
                    single = run.Ready;
                }
                else if (!ReferenceEquals(single, run.Ready))
                {
                    (several ??= [single]).Add(run.Ready);
                }
            }
        }

        // Runs only ever complete successfully (Finish), so waiting on them never throws.
        var ready = several is not null ? Task.WhenAll(several) : single ?? Task.CompletedTask;
        return new SensorTurn(sensors, runs, ready);
    }

    /// <summary>The batch has been decided (or has failed): a run into other sectors may go once its run is done.</summary>
    public void Finish(SensorTurn turn)
    {
        List<(string Sensor, Run Run)>? idle = null;
        lock (_gate)
        {
            for (var i = 0; i < turn.Sensors.Count; i++)
            {
                if (--turn.Runs[i].InFlight == 0)
                {
                    (idle ??= []).Add((turn.Sensors[i], turn.Runs[i]));
                }
            }
        }

        foreach (var (sensor, run) in idle ?? [])
        {
            TryComplete(sensor, run);
        }
    }

    /// <summary>
    /// A run with nothing in flight is done once what it waited for is done too: a batch that failed before its
    /// turn came (a recorder 503) must not let the next run overtake the run it was waiting for. Until then the
    /// run stays the sensor's current one, so a batch after it still waits.
    /// </summary>
    private void TryComplete(string sensor, Run run)
    {
        if (!run.Ready.IsCompleted)
        {
            run.Ready.ContinueWith(_ => TryComplete(sensor, run), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        lock (_gate)
        {
            if (run.InFlight > 0)
            {
                return; // joined again meanwhile: its last batch completes it
            }

            // Nothing of this run is in flight: a later batch of the sensor starts afresh.
            if (_current.TryGetValue(sensor, out var current) && ReferenceEquals(current, run))
            {
                _current.Remove(sensor);
            }
        }

        run.Done.TrySetResult();
    }

    /// <summary>A sensor's batches in flight into one set of sectors, in a row. Guarded by the gate.</summary>
    internal sealed class Run(SectorSetKey key, Task ready)
    {
        public SectorSetKey Key { get; } = key;
        public Task Ready { get; } = ready;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int InFlight { get; set; }
    }
}

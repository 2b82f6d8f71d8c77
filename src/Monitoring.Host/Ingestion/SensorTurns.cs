namespace Monitoring.Host.Ingestion;

using Monitoring.Contracts.Reports;

/// <summary>
/// Hands one sensor's batches to the sector grains in the order this host accepted them: a batch waits until
/// every earlier batch of its sensors has been decided. Two batches of one track posted at once into two
/// sectors would otherwise be decided by both sectors at the same moment, each asking the other for the track
/// before either held it, and both would keep it (docs/protocol.md "Hand-over between sectors").
/// Sensors are the catalogue's, so the map stays as small as the catalogue. Per host: a sensor that posts to
/// two cluster hosts at once is not ordered across them.
/// </summary>
public sealed class SensorTurns
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _last = new(StringComparer.Ordinal);

    /// <summary>Takes the next turn of each sensor in the batch. <see cref="Finish"/> it, whatever happens.</summary>
    public SensorTurn Take(IReadOnlyList<(int SectorIndex, SensorReport Report)> batch)
    {
        var sensors = SensorsOf(batch);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? single = null;
        List<Task>? several = null;
        lock (_gate)
        {
            foreach (var sensor in sensors)
            {
                if (_last.TryGetValue(sensor, out var earlier) && !earlier.IsCompleted)
                {
                    if (single is null)
                    {
                        single = earlier;
                    }
                    else
                    {
                        (several ??= [single]).Add(earlier);
                    }
                }

                _last[sensor] = done.Task;
            }
        }

        // Earlier turns only ever complete successfully (Finish), so waiting on them never throws.
        var ready = several is not null ? Task.WhenAll(several) : single ?? Task.CompletedTask;
        return new SensorTurn(sensors, ready, done);
    }

    /// <summary>The batch has been decided (or has failed): the sensors' next batches may go.</summary>
    public void Finish(SensorTurn turn)
    {
        lock (_gate)
        {
            foreach (var sensor in turn.Sensors)
            {
                // Only the latest turn is removed: a later one waiting behind it keeps its place.
                if (_last.TryGetValue(sensor, out var last) && ReferenceEquals(last, turn.Done.Task))
                {
                    _last.Remove(sensor);
                }
            }
        }

        turn.Done.TrySetResult();
    }

    /// <summary>The batch's distinct sensors; usually one, found without a set.</summary>
    private static string[] SensorsOf(IReadOnlyList<(int SectorIndex, SensorReport Report)> batch)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var first = batch[0].Report.SensorId;
        for (var i = 1; i < batch.Count; i++)
        {
            if (!string.Equals(batch[i].Report.SensorId, first, StringComparison.Ordinal))
            {
                return batch.Select(b => b.Report.SensorId).Distinct(StringComparer.Ordinal).ToArray();
            }
        }

        return [first];
    }
}

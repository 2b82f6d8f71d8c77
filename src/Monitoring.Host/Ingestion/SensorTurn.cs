namespace Monitoring.Host.Ingestion;

/// <summary>One batch's place in its sensors' order (<see cref="SensorTurns"/>): wait for Ready, then decide.</summary>
public sealed class SensorTurn
{
    internal SensorTurn(IReadOnlyList<string> sensors, SensorTurns.Run[] runs, Task ready)
    {
        Sensors = sensors;
        Runs = runs;
        Ready = ready;
    }

    /// <summary>Completes when the sensors' earlier batches into other sectors have been decided.</summary>
    public Task Ready { get; }

    internal IReadOnlyList<string> Sensors { get; }

    internal SensorTurns.Run[] Runs { get; }
}

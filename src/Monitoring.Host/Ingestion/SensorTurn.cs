namespace Monitoring.Host.Ingestion;

/// <summary>One batch's place in its sensors' order (<see cref="SensorTurns"/>): wait for Ready, then decide.</summary>
public sealed record SensorTurn(string[] Sensors, Task Ready, TaskCompletionSource Done);

namespace Monitoring.Simulation.Feeding;

using Monitoring.Simulation.Reports;

/// <summary>Where a simulation sends its feed: the host's ingestion in-process, or a host over HTTP.</summary>
public interface IFeedSink
{
    Task SendReportsAsync(IReadOnlyList<SimulatedReport> reports, CancellationToken cancellationToken);

    Task SendHeartbeatAsync(string sensorId, CancellationToken cancellationToken);
}

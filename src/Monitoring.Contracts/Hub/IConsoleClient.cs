namespace Monitoring.Contracts.Hub;

using Monitoring.Contracts.Alerts;

/// <summary>What the server pushes to an operator console (SignalR method names are camelCase).</summary>
public interface IConsoleClient
{
    Task Alert(Alert alert);
    Task Tracks(TrackBatch batch);
    Task Mdl(long version);
}

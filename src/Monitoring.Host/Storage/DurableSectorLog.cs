namespace Monitoring.Host.Storage;

using Monitoring.Grains.Storage;

/// <summary>The mode's durable sector log (SQLite or Redis), which <see cref="NamespacedSectorLog"/> uses for live sectors.</summary>
public sealed record DurableSectorLog(ISectorLog Log);

namespace Monitoring.Grains.Storage;

/// <summary>Bounds of the durable alert log (Monitoring:AlertLog).</summary>
public sealed class SectorLogOptions
{
    /// <summary>Alerts kept per sector and namespace; older ones are dropped.</summary>
    public int Capacity { get; set; } = 100_000;
}

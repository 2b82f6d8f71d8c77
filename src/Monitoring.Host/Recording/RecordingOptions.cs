namespace Monitoring.Host.Recording;

/// <summary>The feed recorder (section Monitoring:Recording; README "Configuration", docs/recording.md).</summary>
public sealed class RecordingOptions
{
    /// <summary>Off only for throw-away hosts: a 202 then no longer means "recorded".</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A segment is sealed (gzip) and a new one started past this size.</summary>
    public long SegmentMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>…or past this age, so a quiet feed still gets compressed.</summary>
    public TimeSpan SegmentMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>fsync each group commit. Off trades power-loss durability for speed (a process crash loses nothing either way).</summary>
    public bool Fsync { get; set; } = true;

    /// <summary>Names this host's segment files; default: the machine name. Give cluster hosts sharing a disk distinct names.</summary>
    public string? HostName { get; set; }
}

namespace Monitoring.Contracts.Hub;

/// <summary>
/// How a console's connection wants track positions pushed, chosen once when it connects:
/// <c>/hubs/console?trackFormat=compact</c>. "full" (the default, and the only form before) pushes
/// <c>tracks</c>, a <see cref="TrackBatch"/> of whole track states; "compact" pushes <c>trackRows</c>, one
/// row of the fields a map draws per track, about a quarter of the size. Track pushes are most of what a
/// console receives, so the size decides how many consoles one host feeds (docs/performance.md section 15).
/// </summary>
public static class TrackFormats
{
    public const string QueryParameter = "trackFormat";
    public const string Full = "full";
    public const string Compact = "compact";

    /// <summary>The push each format receives.</summary>
    public const string FullPush = "tracks";
    public const string CompactPush = "trackRows";

    public static bool IsKnown(string? format) => format is Full or Compact;
}

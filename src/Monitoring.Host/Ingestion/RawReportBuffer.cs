namespace Monitoring.Host.Ingestion;

/// <summary>
/// A thread's reusable list of parsed reports. Parsing and validating a batch run without an await between
/// them, so the list is taken and given back on one thread and never shared. At 100,000 reports/s the list
/// allocated per request (RawReport is about 100 bytes) was a fifth of the host's allocations
/// (docs/performance.md section 8).
/// </summary>
internal static class RawReportBuffer
{
    // Enough for batches of a few thousand; a bigger one gets its own list, so no thread pins megabytes.
    private const int KeptCapacity = 4096;

    [ThreadStatic]
    private static List<RawReport>? t_list;

    public static List<RawReport> Take(int capacity)
    {
        var list = t_list;
        if (list is null)
        {
            return new List<RawReport>(capacity);
        }

        t_list = null;
        list.EnsureCapacity(capacity);
        return list;
    }

    /// <summary>Empties the list (it holds the batch's strings) and keeps it for the thread's next batch.</summary>
    public static void Give(List<RawReport> list)
    {
        if (list.Capacity > KeptCapacity)
        {
            return;
        }

        list.Clear();
        t_list = list;
    }
}

using Monitoring.Grains.Audit;

namespace Monitoring.Host.Tests.Audit;

/// <summary>Entries and stored lines for the audit tests.</summary>
public static class AuditTestData
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static AuditEntry Entry(int i, string? drillId = null)
        => new(Start.AddMilliseconds(i), $"operator-{i % 3}", "step.acked", $"incident:{i / 5}", $"step {i}", drillId);

    public static List<string> Lines(int count)
    {
        var head = AuditHead.Empty;
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var record = AuditChain.Next(head, Entry(i));
            lines.Add(AuditChain.Line(record));
            head = AuditHead.After(record);
        }

        return lines;
    }
}

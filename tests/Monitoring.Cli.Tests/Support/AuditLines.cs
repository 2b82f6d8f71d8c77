using Monitoring.Grains.Audit;

namespace Monitoring.Cli.Tests.Support;

/// <summary>Valid stored audit lines built with the shared chain rules, and files made of them.</summary>
public static class AuditLines
{
    public static List<string> Chain(int count)
    {
        var lines = new List<string>(count);
        var head = AuditHead.Empty;
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry(start.AddSeconds(i), $"operator-{i % 3}", "step.acked", $"incident:{i / 5}", $"step {i}");
            var record = AuditChain.Next(head, entry);
            lines.Add(AuditChain.Line(record));
            head = AuditHead.After(record);
        }

        return lines;
    }

    public static string WriteFile(string directory, IEnumerable<string> lines, string tail = "")
    {
        var path = AuditFile.PathIn(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")) + tail);
        return path;
    }
}

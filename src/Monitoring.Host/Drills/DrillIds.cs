namespace Monitoring.Host.Drills;

using Monitoring.Host.Storage;

/// <summary>Drill ids: "drill-" and 10 hex digits of a new guid; short, unique, safe as a file name and grain key prefix.</summary>
public static class DrillIds
{
    public static string New() => DrillNamespace.Prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Only ids of that shape are looked up, so a path never reaches the file system.</summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id)
        => id is not null && DrillNamespace.IsDrill(id) && id.Length <= 64 && id.Skip(DrillNamespace.Prefix.Length).All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string FileName(string id) => id;
}

namespace Monitoring.LoadTests.Hosting;

/// <summary>Finds the repository (the folder with Monitoring.sln) and the paths the tool uses inside it.</summary>
public static class RepositoryLayout
{
    public static string? Root
        => FindUp(AppContext.BaseDirectory) ?? FindUp(Directory.GetCurrentDirectory());

    /// <summary>The built host in the given configuration (the tool itself is run with -c Release).</summary>
    public static string HostDll(string configuration = "Release")
        => Path.Combine(Root ?? Directory.GetCurrentDirectory(), "src", "Monitoring.Host", "bin", configuration, "net10.0", "Monitoring.Host.dll");

    public static string ResultsDirectory(string scenario, DateTimeOffset startedAt)
        => Path.Combine(Root ?? Directory.GetCurrentDirectory(), "load-tests", "results", $"{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{scenario}");

    private static string? FindUp(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}

namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>Finds the repository and the built host, for tests that run the host as its own process.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The host's own build output, in the same configuration as these tests.</summary>
    public static string HostDirectory
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
            return Path.Combine(Root, "src", "Monitoring.Host", "bin", configuration, "net10.0");
        }
    }
}

namespace Monitoring.LoadTests.Tests;

using Monitoring.LoadTests.Hosting;

/// <summary>The host built in the same configuration as these tests (bin/&lt;Configuration&gt;/net10.0).</summary>
public static class HostPaths
{
    public static string HostDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return RepositoryLayout.HostDll(configuration);
        }
    }
}

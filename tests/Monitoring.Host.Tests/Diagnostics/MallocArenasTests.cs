namespace Monitoring.Host.Tests.Diagnostics;

using Monitoring.Host.Diagnostics;

/// <summary>The host caps glibc's malloc arenas itself, unless the operator set MALLOC_ARENA_MAX.</summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void The_cap_is_set_on_linux_unless_the_operator_set_MALLOC_ARENA_MAX()
    {
        var before = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        try
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", null);
            Assert.Equal(OperatingSystem.IsLinux(), MallocArenas.Limit()); // glibc accepted mallopt(M_ARENA_MAX, 2)

            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
            Assert.False(MallocArenas.Limit());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", before);
        }
    }
}

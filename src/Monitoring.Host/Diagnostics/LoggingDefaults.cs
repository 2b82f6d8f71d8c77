namespace Monitoring.Host.Diagnostics;

using Microsoft.Extensions.Configuration.Memory;

/// <summary>
/// Log levels the host starts with when nothing configures them (the host ships no appsettings.json).
/// ASP.NET Core logs four Information lines per request (endpoint executing/executed, status, result),
/// which at 1,000 ingest requests a second cost the host a share of a core in console formatting. As in the
/// ASP.NET Core templates, Microsoft.AspNetCore starts at Warning, and so does Polly, which Orleans' placement
/// runs through. These are the lowest-priority source:
/// Logging__LogLevel__Microsoft.AspNetCore=Information (or any other source) still turns them back on.
/// </summary>
public static class LoggingDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning", // two lines for every grain placement Orleans makes
    };

    public static WebApplicationBuilder AddMonitoringLoggingDefaults(this WebApplicationBuilder builder)
    {
        IConfigurationBuilder configuration = builder.Configuration;
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}

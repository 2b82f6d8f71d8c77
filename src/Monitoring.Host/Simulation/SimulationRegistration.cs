namespace Monitoring.Host.Simulation;

/// <summary>
/// The built-in simulation is on by default in Development only; Monitoring:Simulation:Enabled forces it
/// either way. Off means not registered at all.
/// </summary>
public static class SimulationRegistration
{
    public static WebApplicationBuilder AddBuiltInSimulation(this WebApplicationBuilder builder, IConfiguration monitoringSection)
    {
        var section = monitoringSection.GetSection("Simulation");
        builder.Services.Configure<SimulationOptions>(section);
        var enabled = bool.TryParse(section["Enabled"], out var forced) ? forced : builder.Environment.IsDevelopment();
        if (enabled)
        {
            builder.Services.AddSingleton<InProcessFeedSink>();
            builder.Services.AddSingleton<BuiltInSimulation>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<BuiltInSimulation>());
        }

        return builder;
    }

    /// <summary>True when the built-in simulation was registered (for tests and diagnostics).</summary>
    public static bool IsBuiltInSimulationOn(this IServiceProvider services) => services.GetService<BuiltInSimulation>() is not null;
}

namespace Monitoring.Simulation.Scenarios;

/// <summary>The scenarios by name ("all" builds every one; each plays in its own sector, so they run together).</summary>
public static class ScenarioCatalog
{
    public const string All = "all";

    private static readonly (string Name, Func<ScenarioContext, Scenario> Build)[] Entries =
    [
        (WorkPartyWithdraws.Name, WorkPartyWithdraws.Build),
        (WorkPartyStays.Name, WorkPartyStays.Build),
        (DisputedBandParty.Name, DisputedBandParty.Build),
        (DefectorPursued.Name, DefectorPursued.Build),
        (WildlifeCrossing.Name, WildlifeCrossing.Build),
        (SilentSensor.Name, SilentSensor.Build),
        (QuietNight.Name, QuietNight.Build),
    ];

    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    public static bool IsKnown(string name) => name == All || Names.Contains(name);

    /// <summary>One scenario by name, or all of them; throws ArgumentException for an unknown name.</summary>
    public static IReadOnlyList<Scenario> Build(string name, ScenarioContext context)
    {
        if (name == All)
        {
            return Entries.Select(e => e.Build(context)).ToArray();
        }

        var entry = Entries.FirstOrDefault(e => e.Name == name);
        return entry.Build is null
            ? throw new ArgumentException($"Unknown scenario '{name}'; known: {string.Join(", ", Names)}, all.", nameof(name))
            : [entry.Build(context)];
    }
}

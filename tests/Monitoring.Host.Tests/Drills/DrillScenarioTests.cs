namespace Monitoring.Host.Tests.Drills;

using Monitoring.Host.Drills;
using Monitoring.Simulation.Scenarios;

/// <summary>The simulation is real: each scenario, replayed as a drill, opens exactly the incidents its script declares.</summary>
public sealed class DrillScenarioTests
{
    [Fact]
    public async Task The_default_scenarios_give_the_declared_incidents_and_no_others()
    {
        await using var host = await DrillHost.StartAsync();
        var drillId = await host.StartDrillAsync("max", to: ScenarioRecording.Start + TimeSpan.FromMinutes(10));
        Assert.Equal(DrillStates.Finished, (await host.WaitEndedAsync(drillId)).State);

        var incidents = await DrillTrace.IncidentsAsync(host.App, drillId);
        var scenarios = ScenarioRecording.Scenarios();
        foreach (var scenario in scenarios)
        {
            var expected = scenario.Expected.Incidents.Select(i => $"{i.SectorId} {i.TrackId} {(i.AmbiguousOnly ? "ambiguous" : "crossed")}").Order(StringComparer.Ordinal).ToArray();
            var actual = incidents
                .Where(i => scenario.SectorIds.Contains(i.SectorId))
                .Select(i => $"{i.SectorId} {i.TrackId} {i.OpenedOn}")
                .Order(StringComparer.Ordinal)
                .ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{scenario.Name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }

        Assert.Equal(scenarios.Sum(s => s.Expected.Incidents.Count), incidents.Length);
        Assert.All(incidents, i => Assert.Equal(drillId, i.DrillId));
    }
}

namespace Monitoring.Host.Tests.Drills;

using Monitoring.Host.Drills;
using Xunit.Abstractions;

/// <summary>domain.md "Drills": the same recording gives the same verdicts and incident steps at any speed.</summary>
public sealed class DrillDeterminismTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Replaying_every_scenario_at_1x_in_virtual_time_and_at_max_gives_the_same_verdicts_and_steps()
    {
        await using var host = await DrillHost.StartAsync();

        var atMax = await host.StartDrillAsync("max");
        Assert.Equal(DrillStates.Finished, (await host.WaitEndedAsync(atMax)).State);
        var realTime = await host.StartDrillAsync(1);
        Assert.Equal(DrillStates.Finished, (await host.DriveAsync(realTime)).State);

        var max = await DrillTrace.LinesAsync(host.App, atMax);
        var oneX = await DrillTrace.LinesAsync(host.App, realTime);
        output.WriteLine($"{max.Length} lines; max {DrillTrace.Hash(max)}; 1x {DrillTrace.Hash(oneX)}");
        foreach (var (a, b) in max.Zip(oneX).Where(p => p.First != p.Second).Take(5))
        {
            output.WriteLine($"max: {a}\n 1x: {b}");
        }

        Assert.Contains(max, l => l.StartsWith("alert ", StringComparison.Ordinal) && l.Contains(" crossed ", StringComparison.Ordinal));
        Assert.Contains(max, l => l.Contains("step.escalated", StringComparison.Ordinal));
        Assert.Equal(max.Length, oneX.Length);
        Assert.Equal(DrillTrace.Hash(max), DrillTrace.Hash(oneX));
    }
}

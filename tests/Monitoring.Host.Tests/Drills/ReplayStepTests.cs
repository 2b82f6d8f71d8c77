namespace Monitoring.Host.Tests.Drills;

using Monitoring.Contracts.Reports;
using Monitoring.Host.Drills;
using Monitoring.Simulation.Recording;

/// <summary>How a drill cuts a recording into steps: by recording time, size and pending deadlines only.</summary>
public sealed class ReplayStepTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Batches_within_the_step_length_join_one_step()
    {
        var step = new ReplayStep(TimeSpan.FromSeconds(1), 1000);
        step.Add(Batch(0, 10), TimeSpan.Zero);

        Assert.True(step.Accepts(Batch(999, 10), TimeSpan.Zero, nextDue: null));
        Assert.False(step.Accepts(Batch(1000, 10), TimeSpan.Zero, nextDue: null));
    }

    [Fact]
    public void A_step_never_reaches_a_pending_deadline()
    {
        var step = new ReplayStep(TimeSpan.FromSeconds(1), 1000);
        step.Add(Batch(0, 10), TimeSpan.Zero);

        // The deadline at 500 ms must fire after the reports before it and before those at or after it.
        Assert.True(step.Accepts(Batch(400, 10), TimeSpan.Zero, T0.AddMilliseconds(500)));
        Assert.False(step.Accepts(Batch(500, 10), TimeSpan.Zero, T0.AddMilliseconds(500)));
    }

    [Fact]
    public void A_step_holds_at_most_the_report_cap_but_always_takes_its_first_batch()
    {
        var step = new ReplayStep(TimeSpan.FromSeconds(1), 100);
        Assert.True(step.Accepts(Batch(0, 500), TimeSpan.Zero, null));
        step.Add(Batch(0, 500), TimeSpan.Zero);

        Assert.False(step.Accepts(Batch(1, 1), TimeSpan.Zero, null));
        Assert.Equal(T0, step.LastAt);
    }

    [Fact]
    public void Times_are_drill_times_shifted_for_a_later_pass_and_clear_empties_the_step()
    {
        var shift = TimeSpan.FromMinutes(10);
        var step = new ReplayStep(TimeSpan.FromSeconds(1), 1000);
        step.Add(Batch(0, 1), shift);
        step.Add(Batch(300, 1), shift);

        Assert.Equal(T0 + shift + TimeSpan.FromMilliseconds(300), step.LastAt);
        Assert.Equal(2, step.Batches.Count);
        Assert.False(step.Accepts(Batch(400, 1), shift, T0 + shift + TimeSpan.FromMilliseconds(350)));

        step.Clear();
        Assert.True(step.IsEmpty);
    }

    private static RecordedBatch Batch(int atMs, int reports)
        => new(T0.AddMilliseconds(atMs), "rec", Enumerable.Range(0, reports)
            .Select(i => new SensorReport($"r{atMs}-{i}", "S12-RAD-1", T0.AddMilliseconds(atMs), 127, 38, 10, ObjectClass.Person, 1, null))
            .ToArray());
}

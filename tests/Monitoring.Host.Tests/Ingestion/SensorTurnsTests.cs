namespace Monitoring.Host.Tests.Ingestion;

using Monitoring.Host.Ingestion;

/// <summary>
/// One sensor's batches into different sectors are decided in the order they arrived; batches into the same
/// sectors are not held back (the sector grain orders and group-commits them).
/// </summary>
public sealed class SensorTurnsTests
{
    private readonly SensorTurns _turns = new();

    [Fact]
    public void Batches_of_a_sensor_into_the_same_sector_do_not_wait_for_each_other()
    {
        var first = _turns.Take(["rdr-1"], [3]);
        var second = _turns.Take(["rdr-1"], [3]);

        Assert.True(first.Ready.IsCompleted);
        Assert.True(second.Ready.IsCompleted);
    }

    [Fact]
    public void A_batch_into_another_sector_waits_until_the_sensors_earlier_batches_are_decided()
    {
        var west1 = _turns.Take(["rdr-1"], [3]);
        var west2 = _turns.Take(["rdr-1"], [3]);
        var east = _turns.Take(["rdr-1"], [4]);
        var eastToo = _turns.Take(["rdr-1"], [4]);

        Assert.False(east.Ready.IsCompleted);
        Assert.False(eastToo.Ready.IsCompleted); // it joins the east run, which still waits for the west one
        _turns.Finish(west1);
        Assert.False(east.Ready.IsCompleted);
        _turns.Finish(west2);
        Assert.True(east.Ready.IsCompleted);
        Assert.True(eastToo.Ready.IsCompleted);
    }

    [Fact]
    public void Other_sensors_are_not_held_back()
    {
        _turns.Take(["rdr-1"], [3]);
        _turns.Take(["rdr-1"], [4]);

        Assert.True(_turns.Take(["eo-2"], [4]).Ready.IsCompleted);
    }

    [Fact]
    public void A_batch_that_fails_before_its_turn_does_not_let_the_next_one_overtake()
    {
        var west = _turns.Take(["rdr-1"], [3]);
        var failed = _turns.Take(["rdr-1"], [4]); // e.g. a recorder 503: finished without waiting
        _turns.Finish(failed);
        var after = _turns.Take(["rdr-1"], [5]);

        Assert.False(after.Ready.IsCompleted);
        _turns.Finish(west);
        Assert.True(SpinWait.SpinUntil(() => after.Ready.IsCompleted, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_batch_of_several_sensors_waits_for_each_of_them()
    {
        var a = _turns.Take(["rdr-1"], [3]);
        var b = _turns.Take(["eo-2"], [5]);
        var both = _turns.Take(["rdr-1", "eo-2"], [4, 6]);

        _turns.Finish(a);
        Assert.False(both.Ready.IsCompleted);
        _turns.Finish(b);
        Assert.True(SpinWait.SpinUntil(() => both.Ready.IsCompleted, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_sensor_with_nothing_in_flight_starts_afresh()
    {
        var west = _turns.Take(["rdr-1"], [3]);
        _turns.Finish(west);

        Assert.True(_turns.Take(["rdr-1"], [4]).Ready.IsCompleted);
    }
}

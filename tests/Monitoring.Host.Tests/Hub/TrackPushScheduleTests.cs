namespace Monitoring.Host.Tests.Hub;

using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Host.Hub;

/// <summary>
/// The "tracks" schedule: each sector at most once per period with its latest positions, and the sectors
/// spread over the period rather than all pushed on one tick.
/// </summary>
public sealed class TrackPushScheduleTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    private static readonly long Tick = TimeSpan.FromMilliseconds(25).Ticks;

    [Fact]
    public void Ten_busy_sectors_are_pushed_on_ten_different_ticks_of_the_period()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        var pushedAt = new Dictionary<string, List<long>>();
        for (var now = 0L; now < 4 * Period.Ticks; now += Tick)
        {
            for (var s = 0; s < 10; s++)
            {
                schedule.Add($"S{s:00}", null, [Track($"S{s:00}", "t1", now)]);
            }

            foreach (var batch in schedule.TakeDue(now + 1))
            {
                (pushedAt.TryGetValue(batch.SectorId, out var list) ? list : pushedAt[batch.SectorId] = []).Add(now);
            }
        }

        // Every tick pushes one sector, not ten at once and then nothing.
        var ticksUsed = pushedAt.Values.SelectMany(l => l).GroupBy(t => t).ToArray();
        Assert.All(ticksUsed, g => Assert.Single(g));
        Assert.Equal(10, pushedAt.Count);
        Assert.All(pushedAt.Values, times =>
        {
            Assert.True(times.Count >= 3, $"{times.Count} pushes in a second");
            Assert.All(times.Zip(times.Skip(1)), p => Assert.Equal(Period.Ticks, p.Second - p.First));
        });
    }

    [Fact]
    public void A_push_carries_the_latest_state_of_every_moved_track_once()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        schedule.Add("S01", null, [Track("S01", "a", 1), Track("S01", "b", 1)]);
        schedule.Add("S01", null, [Track("S01", "a", 2)]);

        var batch = Assert.Single(schedule.TakeDue(0));

        Assert.Equal("S01", batch.SectorId);
        Assert.Equal(2, batch.Tracks.Count);
        Assert.Equal(2, batch.Tracks.Single(t => t.TrackId == "a").ObservedAt.Ticks);
        Assert.Empty(schedule.TakeDue(Period.Ticks * 5)); // taken, so nothing is pushed twice
    }

    [Fact]
    public void Late_ticks_never_bring_two_pushes_of_a_sector_closer_than_the_period()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        var pushes = new List<long>();
        var random = new Random(7);
        var now = 0L;
        while (now < 20 * Period.Ticks)
        {
            schedule.Add("S01", null, [Track("S01", "t", now)]);
            if (schedule.TakeDue(now).Count > 0)
            {
                pushes.Add(now);
            }

            now += Tick + random.Next(0, (int)(3 * Tick)); // a loaded machine: ticks 0–75 ms late
        }

        Assert.True(pushes.Count >= 10, $"{pushes.Count} pushes in 5 s");
        Assert.All(pushes.Zip(pushes.Skip(1)), p => Assert.True(p.Second - p.First >= Period.Ticks, $"{TimeSpan.FromTicks(p.Second - p.First).TotalMilliseconds} ms apart"));
    }

    [Fact]
    public void A_quiet_sector_is_pushed_at_the_first_tick_after_its_positions_arrive()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        Assert.Empty(schedule.TakeDue(10 * Period.Ticks)); // nothing to push: the slot stays due

        schedule.Add("S01", null, [Track("S01", "t", 1)]);

        Assert.Single(schedule.TakeDue((10 * Period.Ticks) + Tick));
    }

    [Fact]
    public void A_drill_sector_is_pushed_apart_from_the_live_sector_of_the_same_id()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        schedule.Add("S01", null, [Track("S01", "live", 1)]);
        schedule.Add("S01", "drill-1", [Track("S01", "drilled", 1)]);

        var batches = schedule.TakeDue(0);

        Assert.Equal(2, batches.Count);
        Assert.Equal("live", batches.Single(b => b.DrillId is null).Tracks.Single().TrackId);
        Assert.Equal("drilled", batches.Single(b => b.DrillId == "drill-1").Tracks.Single().TrackId);
    }

    [Fact]
    public void The_next_push_carries_only_the_tracks_moved_since_the_last_one()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        schedule.Add("S01", null, [Track("S01", "a", 1), Track("S01", "b", 1)]);
        Assert.Single(schedule.TakeDue(0));

        schedule.Add("S01", null, [Track("S01", "b", 2)]);
        var batch = Assert.Single(schedule.TakeDue(Period.Ticks));

        Assert.Equal("b", Assert.Single(batch.Tracks).TrackId);
        Assert.Equal(2, batch.Tracks[0].ObservedAt.Ticks);
    }

    [Fact]
    public void A_drill_that_went_quiet_is_not_pushed_again_while_its_live_sector_is()
    {
        var schedule = new TrackPushSchedule(Period, 10, 0);
        schedule.Add("S01", null, [Track("S01", "live", 1)]);
        schedule.Add("S01", "drill-1", [Track("S01", "drilled", 1)]);
        Assert.Equal(2, schedule.TakeDue(0).Count);

        for (var period = 1; period <= 3; period++)
        {
            schedule.Add("S01", null, [Track("S01", "live", period)]);
            var batch = Assert.Single(schedule.TakeDue(period * Period.Ticks));
            Assert.Null(batch.DrillId);
        }

        schedule.Add("S01", "drill-1", [Track("S01", "drilled", 9)]); // the drill resumes: pushed again
        Assert.Equal("drill-1", Assert.Single(schedule.TakeDue(4 * Period.Ticks)).DrillId);
    }

    private static TrackState Track(string sectorId, string trackId, long observedTicks) => new()
    {
        TrackId = trackId,
        SectorId = sectorId,
        Class = ObjectClass.Person,
        Lon = 127,
        Lat = 38,
        ObservedAt = new DateTimeOffset(observedTicks, TimeSpan.Zero),
        Verdict = "clear",
        SensorId = "rdr-01",
    };
}

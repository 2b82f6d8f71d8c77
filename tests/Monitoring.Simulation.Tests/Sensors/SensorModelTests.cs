namespace Monitoring.Simulation.Tests.Sensors;

using Monitoring.Simulation.Scenarios;
using Monitoring.Simulation.Sensors;
using Monitoring.Simulation.Tests.Support;
using Monitoring.Simulation.Truth;

/// <summary>Each sensor model's accuracy, rate and class rules, on three people walking south past a seismic sensor and through the fence in S10.</summary>
public sealed class SensorModelTests
{
    private static readonly Lazy<(Scenario Scenario, Mover Walker)> Walk = new(() =>
    {
        var b = new ScenarioBuilder(DefaultMdl.Context(5), "model-test", 10);
        var seismic = b.Sensors.Seismic[1];
        var path = b.Path(0, seismic.ArcM - 20, -300)
            .MoveTo(seismic.ArcM, seismic.OffsetM + 10, 2.0)             // right past a seismic sensor
            .MoveTo(b.Sensors.Patrol.ArcM + 100, 1900, 2.0);             // through the fence, up to the patrol
        var walker = b.Add("t-1", "person", 3, path);
        return (b.Build("walker", walker.End), walker);
    });

    private static Scenario S => Walk.Value.Scenario;

    [Fact]
    public void Radar_reports_every_second_with_its_own_track_id_and_10_to_25_m()
    {
        var radar = S.Reports.Where(r => r.Report.SensorId == "rdr-10").ToArray();

        Assert.All(radar, r => Assert.Equal("t-1", r.Report.TrackId));
        Assert.All(radar, r => Assert.InRange(r.Report.AccuracyM!.Value, RadarModel.MinAccuracyM, RadarModel.MaxAccuracyM));
        Assert.All(radar.Zip(radar.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(1), p.Second.At - p.First.At));
        Assert.True(radar.Select(r => r.Report.AccuracyM).Distinct().Count() > 5);
        Assert.Equal(3, radar[0].Report.Count);
    }

    [Fact]
    public void Radar_says_unknown_until_its_classifier_settles()
    {
        var radar = S.Reports.Where(r => r.Report.SensorId == "rdr-10").ToArray();

        Assert.All(radar.Where(r => r.At.TotalSeconds < RadarModel.SettleSeconds), r => Assert.Equal("unknown", r.Report.Class));
        Assert.All(radar.Where(r => r.At.TotalSeconds >= RadarModel.SettleSeconds), r => Assert.Equal("person", r.Report.Class));
    }

    [Fact]
    public void Every_report_lies_within_its_stated_accuracy_of_the_truth()
    {
        var (scenario, walker) = Walk.Value;
        var placer = DefaultMdl.Context(5).Placer;
        foreach (var r in scenario.Reports.Where(r => r.Report.SensorId is "rdr-10" or "eo-10a" or "eo-10b" or "patrol-10" || r.Report.SensorId.StartsWith("seis", StringComparison.Ordinal)))
        {
            Assert.True(walker.TryAt(r.At.TotalSeconds, out var s, out var offset));
            var truth = placer.At(s, offset);
            Assert.True(DistanceM(truth.Lon, truth.Lat, r.Report.Lon, r.Report.Lat) <= r.Report.AccuracyM!.Value + 0.5, r.Report.ReportId);
        }
    }

    [Fact]
    public void Cameras_set_the_class_at_5_m_every_5_s_without_a_track_id()
    {
        var camera = S.Reports.Where(r => r.Report.SensorId.StartsWith("eo-10", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(camera);
        Assert.All(camera, r => Assert.Equal(EoIrModel.AccuracyM, r.Report.AccuracyM));
        Assert.All(camera, r => Assert.Equal("person", r.Report.Class));
        Assert.All(camera, r => Assert.Null(r.Report.TrackId));
        Assert.All(camera, r => Assert.Equal(0, ((int)r.At.TotalSeconds - EoIrModel.CueDelaySeconds) % EoIrModel.PeriodSeconds));
        Assert.True(camera[0].At.TotalSeconds >= EoIrModel.CueDelaySeconds);
    }

    [Fact]
    public void The_fence_raises_one_alarm_at_the_segment_crossed()
    {
        var alarms = S.Reports.Where(r => r.Report.SensorId.StartsWith("fence-10-", StringComparison.Ordinal)).ToArray();

        var alarm = Assert.Single(alarms);
        Assert.Equal("unknown", alarm.Report.Class);
        Assert.Null(alarm.Report.AccuracyM);
        Assert.Null(alarm.Report.TrackId);
        Assert.True(Walk.Value.Walker.TryAt(alarm.At.TotalSeconds, out var s, out _));
        Assert.Equal(new Monitoring.Simulation.Geometry.SectorSensors(DefaultMdl.Context(5).Sector(10)).FenceAt(s).Id, alarm.Report.SensorId);
    }

    [Fact]
    public void Seismic_detections_are_about_50_m_every_10_s_and_only_close_by()
    {
        var seismic = S.Reports.Where(r => r.Report.SensorId.StartsWith("seis-10", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(seismic);
        Assert.All(seismic, r => Assert.InRange(r.Report.AccuracyM!.Value, 40, 60));
        Assert.All(seismic, r => Assert.Equal(0, (int)r.At.TotalSeconds % SeismicModel.PeriodSeconds));
        Assert.All(seismic, r => Assert.Equal("unknown", r.Report.Class));
        Assert.InRange(seismic.Length, 5, 40); // within 250 m only: a short stretch of the walk
    }

    [Fact]
    public void The_patrol_reports_class_and_count_every_30_s_within_400_m()
    {
        var patrol = S.Reports.Where(r => r.Report.SensorId == "patrol-10").ToArray();

        Assert.NotEmpty(patrol);
        Assert.All(patrol, r => Assert.Equal(("person", 3, 10.0), (r.Report.Class, r.Report.Count!.Value, r.Report.AccuracyM!.Value)));
        Assert.All(patrol, r => Assert.Equal(0, (int)r.At.TotalSeconds % PatrolModel.PeriodSeconds));
    }

    [Fact]
    public void Noise_is_truncated_at_the_stated_radius_and_about_95_percent_inside_it()
    {
        var rng = new Random(1);
        var draws = Enumerable.Range(0, 20_000).Select(_ => SensorNoise.Draw(rng, 20)).Select(d => Math.Sqrt((d.East * d.East) + (d.North * d.North))).ToArray();

        Assert.All(draws, d => Assert.True(d <= 20));
        Assert.InRange(draws.Count(d => d <= 10) / (double)draws.Length, 0.53, 0.58); // Rayleigh: P(r ≤ a/2) ≈ 0.527, ÷ 0.95 after truncation
    }

    private static double DistanceM(double lon1, double lat1, double lon2, double lat2)
    {
        var x = (lon2 - lon1) * 111_320 * Math.Cos((lat1 + lat2) * 0.5 * Math.PI / 180);
        var y = (lat2 - lat1) * 110_574;
        return Math.Sqrt((x * x) + (y * y));
    }
}

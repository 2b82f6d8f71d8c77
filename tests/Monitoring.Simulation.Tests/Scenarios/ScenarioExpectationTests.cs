namespace Monitoring.Simulation.Tests.Scenarios;

using Monitoring.Geo;
using Monitoring.Simulation.Scenarios;
using Monitoring.Simulation.Tests.Support;

/// <summary>
/// Each scenario does what it says against the reconciled line, judged with the real classifier on the
/// reports it sends (with their stated accuracy), and declares the incidents that follows from it.
/// </summary>
public sealed class ScenarioExpectationTests
{
    [Theory]
    [InlineData(WorkPartyWithdraws.Name, "S12")]
    [InlineData(WorkPartyStays.Name, "S18")]
    public void Work_party_groups_cross_20_to_50_m_and_each_expects_one_incident(string name, string sector)
    {
        var s = Built.Scenario(name);
        var tracks = RadarTracks(s);

        Assert.InRange(tracks.Count, 2, 4);
        Assert.InRange(tracks.Values.Sum(r => r[^1].Report.Count ?? 0), 10, 30);
        Assert.Equal(tracks.Keys.Select(t => $"rdr-{sector[1..]}/{t}").Order(), s.Expected.Incidents.Select(i => i.TrackId).Order());
        Assert.All(s.Expected.Incidents, i => Assert.Equal(sector, i.SectorId));
        Assert.All(s.Expected.Incidents, i => Assert.False(i.AmbiguousOnly));
        foreach (var reports in tracks.Values)
        {
            var depths = reports.Select(r => Classify(r).DepthM).ToArray();
            Assert.InRange(depths.Max(), 20, 50 + 25);                       // at most 50 m south, plus radar error
            Assert.Contains(reports, r => Classify(r).Verdict == Verdict.Crossed);
        }
    }

    [Fact]
    public void A_withdrawing_party_ends_north_of_the_line_and_a_staying_one_south()
    {
        Assert.All(RadarTracks(Built.Scenario(WorkPartyWithdraws.Name)).Values, r => Assert.True(Classify(r[^1]).DepthM < -100));
        Assert.All(RadarTracks(Built.Scenario(WorkPartyStays.Name)).Values, r => Assert.True(Classify(r[^1]).DepthM > 0));
    }

    [Fact]
    public void The_disputed_band_party_never_crosses_and_is_ambiguous_for_minutes()
    {
        var s = Built.Scenario(DisputedBandParty.Name);

        Assert.All(s.Reports, r => Assert.NotEqual(Verdict.Crossed, Classify(r).Verdict));
        foreach (var reports in RadarTracks(s).Values)
        {
            // The longest unbroken run of ambiguous reports: a gap would restart the 20 s an incident needs.
            TimeSpan longest = TimeSpan.Zero, runStart = TimeSpan.Zero;
            var inRun = false;
            foreach (var r in reports)
            {
                if (Classify(r).Verdict != Verdict.Ambiguous)
                {
                    inRun = false;
                    continue;
                }

                runStart = inRun ? runStart : r.At;
                inRun = true;
                longest = r.At - runStart > longest ? r.At - runStart : longest;
            }

            Assert.True(longest > TimeSpan.FromMinutes(3), $"ambiguous for {longest} at most");
        }

        Assert.All(s.Expected.Incidents, i => Assert.True(i.AmbiguousOnly));
        Assert.Equal(RadarTracks(s).Count, s.Expected.Incidents.Count);
    }

    [Fact]
    public void The_defector_runs_through_the_fence_and_the_pursuers_turn_back()
    {
        var s = Built.Scenario(DefectorPursued.Name);
        var tracks = RadarTracks(s);

        Assert.True(Classify(tracks["df-1"][^1]).DepthM > 1000);
        Assert.Contains(s.Reports, r => r.Report.SensorId.StartsWith("fence-25-", StringComparison.Ordinal));
        Assert.Contains(s.Reports, r => r.Report.SensorId.StartsWith("seis-25", StringComparison.Ordinal));
        Assert.Contains(s.Reports, r => r.Report.SensorId == "patrol-25");
        foreach (var pursuer in new[] { "ps-1", "ps-2" })
        {
            Assert.InRange(tracks[pursuer].Max(r => Classify(r).DepthM), 30, 80 + 25);
            Assert.True(Classify(tracks[pursuer][^1]).DepthM < -300);
        }

        Assert.Equal(["rdr-25/df-1", "rdr-25/ps-1", "rdr-25/ps-2"], s.Expected.Incidents.Select(i => i.TrackId).Order().ToArray());
    }

    [Fact]
    public void Wildlife_is_named_animal_before_it_reaches_the_line_and_expects_nothing()
    {
        var s = Built.Scenario(WildlifeCrossing.Name);

        Assert.Contains(s.Reports, r => Classify(r).Verdict == Verdict.Crossed);
        Assert.All(s.Reports.Where(r => Classify(r).DepthM > -100), r => Assert.Equal("animal", r.Report.Class));
        Assert.Empty(s.Expected.Incidents);
    }

    [Theory]
    [InlineData(QuietNight.Name)]
    [InlineData(SilentSensor.Name)]
    public void Noise_never_puts_a_possible_person_near_the_line(string name)
    {
        var s = Built.Scenario(name);

        Assert.All(s.Reports.Where(r => r.Report.Class != "animal"), r => Assert.Equal(Verdict.Clear, Classify(r).Verdict));
        Assert.Empty(s.Expected.Incidents);
    }

    [Fact]
    public void The_silent_sensor_sends_nothing_while_silent_and_one_offline_alert_is_expected()
    {
        var s = Built.Scenario(SilentSensor.Name);
        var silence = s.Silences.Single();

        Assert.Equal("seis-35b", silence.SensorId);
        Assert.True(silence.To - silence.From > TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(s.Reports, r => r.Report.SensorId == silence.SensorId && silence.Covers(r.At));
        Assert.Equal(["seis-35b"], s.Expected.OfflineSensors);
        Assert.True(s.IsSilent("seis-35b", TimeSpan.FromSeconds(100)));
        Assert.False(s.IsSilent("seis-35b", TimeSpan.FromSeconds(250)));
    }

    [Fact]
    public void Expectations_read_as_the_issue_states_them()
        => Assert.StartsWith("1 incident in S12 for track rdr-12/wp-1", Built.Scenario(WorkPartyWithdraws.Name).Expected.ToString(), StringComparison.Ordinal);

    private static Classification Classify(ScheduledReport r)
        => DefaultMdl.Mdl.Classify(r.Report.Lon, r.Report.Lat, r.Report.AccuracyM ?? 10, r.Report.Class == "animal");

    private static Dictionary<string, List<ScheduledReport>> RadarTracks(Scenario s)
        => s.Reports.Where(r => r.Report.TrackId is not null && !r.Report.TrackId.StartsWith("cl-", StringComparison.Ordinal))
            .GroupBy(r => r.Report.TrackId!)
            .ToDictionary(g => g.Key, g => g.ToList());
}

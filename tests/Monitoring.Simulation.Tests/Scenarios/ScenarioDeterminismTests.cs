namespace Monitoring.Simulation.Tests.Scenarios;

using Monitoring.Simulation.Reports;
using Monitoring.Simulation.Scenarios;
using Monitoring.Simulation.Tests.Support;

public sealed class ScenarioDeterminismTests
{
    [Theory]
    [MemberData(nameof(Built.Names), MemberType = typeof(Built))]
    public void Same_seed_gives_the_identical_report_sequence(string name)
    {
        var first = ScenarioCatalog.Build(name, DefaultMdl.Context(42)).Single();
        var second = ScenarioCatalog.Build(name, DefaultMdl.Context(42)).Single();

        Assert.NotEmpty(first.Reports);
        Assert.Equal(ReportJson.Hash(first.Reports.Select(r => r.Report)), ReportJson.Hash(second.Reports.Select(r => r.Report)));
        Assert.Equal(first.Reports.Select(r => r.At), second.Reports.Select(r => r.At));
        Assert.Equal(first.Expected.ToString(), second.Expected.ToString());
    }

    [Theory]
    [MemberData(nameof(Built.Names), MemberType = typeof(Built))]
    public void Another_seed_gives_another_sequence(string name)
    {
        var a = ScenarioCatalog.Build(name, DefaultMdl.Context(1)).Single();
        var b = ScenarioCatalog.Build(name, DefaultMdl.Context(2)).Single();

        Assert.NotEqual(ReportJson.Hash(a.Reports.Select(r => r.Report)), ReportJson.Hash(b.Reports.Select(r => r.Report)));
    }

    [Fact]
    public void All_builds_every_scenario_each_in_its_own_sector()
    {
        var all = ScenarioCatalog.Build(ScenarioCatalog.All, DefaultMdl.Context(3));

        Assert.Equal(ScenarioCatalog.Names, all.Select(s => s.Name));
        Assert.Equal(all.Count, all.Select(s => s.SectorIds.Single()).Distinct().Count());
    }

    [Fact]
    public void Reports_are_in_time_order_with_unique_ids_per_sensor()
    {
        foreach (var name in ScenarioCatalog.Names)
        {
            var s = Built.Scenario(name);
            Assert.Equal(s.Reports.OrderBy(r => r.At).Select(r => r.Report.ReportId), s.Reports.Select(r => r.Report.ReportId));
            Assert.Equal(s.Reports.Count, s.Reports.Select(r => (r.Report.SensorId, r.Report.ReportId)).Distinct().Count());
            Assert.All(s.Reports, r => Assert.Equal(DefaultMdl.Start + r.At, r.Report.ObservedAt));
        }
    }

    [Fact]
    public void A_run_tag_keeps_report_and_track_ids_of_repeated_runs_apart()
    {
        var tagged = ScenarioCatalog.Build(WorkPartyWithdraws.Name, DefaultMdl.Context(7, "sim2")).Single();

        Assert.All(tagged.Reports, r => Assert.Contains(":sim2:", r.Report.ReportId, StringComparison.Ordinal));
        Assert.All(tagged.Reports.Where(r => r.Report.TrackId is not null), r => Assert.StartsWith("sim2.", r.Report.TrackId!, StringComparison.Ordinal));
        Assert.All(tagged.Expected.Incidents, i => Assert.StartsWith("rdr-12/sim2.wp-", i.TrackId, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_scenario_names_are_refused()
        => Assert.Throws<ArgumentException>(() => ScenarioCatalog.Build("no-such-thing", DefaultMdl.Context(1)));
}

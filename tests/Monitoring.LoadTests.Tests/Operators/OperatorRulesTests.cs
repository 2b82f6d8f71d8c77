namespace Monitoring.LoadTests.Tests.Operators;

using System.Text;
using Monitoring.LoadTests.Cli;
using Monitoring.LoadTests.Operators;

/// <summary>Whom the operator desk asks for a step (docs/authorization.md), who it signs in as, and its options.</summary>
public sealed class OperatorRulesTests
{
    private static readonly OperatorAccount West = new("op-west", Set("operator"), Set("S01", "S02"));
    private static readonly OperatorAccount Duty1 = new("duty1", Set("duty-officer"), Set("*"));
    private static readonly OperatorAccount Duty2 = new("duty2", Set("duty-officer"), Set("*"));

    [Fact]
    public void Operators_take_their_sectors_steps_and_duty_officers_resolve_and_take_the_shots_as_a_second_person()
    {
        var s01 = Incident("S01", broadcastAckedBy: "op-west");
        var s30 = Incident("S30", broadcastAckedBy: "duty1");

        Assert.True(AckRules.MayAck(West, s01, "confirm"));
        Assert.True(AckRules.MayAck(West, s01, "resolve"));
        Assert.False(AckRules.MayAck(West, s30, "confirm")); // not his sector
        Assert.False(AckRules.MayAck(Duty1, s01, "confirm")); // the operator's step
        Assert.True(AckRules.MayAck(Duty1, s30, "resolve"));
        Assert.False(AckRules.MayAck(West, s01, "warning-shots"));
        Assert.True(AckRules.MayAck(Duty1, s01, "warning-shots"));
        Assert.False(AckRules.MayAck(Duty1, s30, "warning-shots")); // two-person rule
        Assert.True(AckRules.MayAck(Duty2, s30, "warning-shots"));
        Assert.False(AckRules.MayAck(Duty1, s01, "a-step-of-another-ladder"));
        Assert.True(AckRules.Preference(West) < AckRules.Preference(Duty1));
    }

    [Fact]
    public void An_account_is_read_from_the_tokens_claims()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"name":"op-west","role":["operator"],"sector":["S01","S02"]}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var account = OperatorAccount.FromToken("op-west", $"e30.{payload}.sig");
        Assert.Equal("op-west", account.Name);
        Assert.True(account.HasRole("operator"));
        Assert.True(account.Covers("S02"));
        Assert.False(account.Covers("S03"));

        var single = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"name":"duty1","role":"duty-officer","sector":"*"}"""));
        Assert.True(OperatorAccount.FromToken("duty1", $"e30.{single}.sig").Covers("S40"));
    }

    [Fact]
    public void Soak_has_operators_by_default_and_other_scenarios_none()
    {
        Assert.Equal(4, LoadTestOptions.Parse(["soak", "--self-host"]).Operators);
        Assert.Equal(0, LoadTestOptions.Parse(["ingest", "--self-host"]).Operators);
        Assert.Equal(0, LoadTestOptions.Parse(["soak", "--self-host", "--operators", "0"]).Operators);
        var options = LoadTestOptions.Parse(["consoles", "--self-host", "--operators", "2", "--operator-users", "alice:pa:ss, bob:x"]);
        Assert.Equal(2, options.Operators);
        Assert.Equal(new[] { ("alice", "pa:ss"), ("bob", "x") }, options.OperatorUsers);
        Assert.Equal(OperatorDesk.DemoRota, LoadTestOptions.Parse(["soak", "--self-host"]).OperatorUsers);
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["soak", "--self-host", "--operator-users", "nopassword"]));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["soak", "--self-host", "--operators", "-1"]));
    }

    private static IncidentSnapshot Incident(string sectorId, string broadcastAckedBy)
        => new($"{sectorId}-2026-0001", sectorId, Closed: false, Drill: false,
        [
            new StepSnapshot("confirm", "due", null, null, null, null),
            new StepSnapshot("warning-broadcast", "acked", null, null, null, broadcastAckedBy),
        ]);

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}

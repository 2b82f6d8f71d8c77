using Monitoring.Cli.Tests.Support;

namespace Monitoring.Cli.Tests.Commands;

/// <summary>drill / drill pause|resume|stop / replay: every argument mistake is exit 2 with a message, before any network call.</summary>
public sealed class DrillUsageTests
{
    private static readonly string[] Server = ["--target", "http://127.0.0.1:9", "--user", "drill", "--password", "drill-demo"];

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["drill", "--user", "drill", "--password", "x", "--recording", "r"], "--target is required" },
        { ["drill", "--target", "not a url", "--user", "u", "--password", "p", "--recording", "r"], "--target is required" },
        { ["drill", "--target", "http://h", "--password", "p", "--recording", "r"], "--user is required" },
        { ["drill", "--target", "http://h", "--user", "u", "--recording", "r"], "--password is required" },
        { [.. (string[])["drill"], .. Server], "--recording is required" },
        { [.. (string[])["drill"], .. Server, "--recording", "r", "--speed", "fast"], "--speed must be a number from 0.1 to 1000, or max" },
        { [.. (string[])["drill"], .. Server, "--recording", "r", "--speed", "5000"], "--speed must be a number" },
        { [.. (string[])["drill"], .. Server, "--recording", "r", "--from", "yesterday"], "--from must be an ISO 8601 time" },
        { [.. (string[])["drill"], .. Server, "--recording", "r", "--sectors", ","], "--sectors needs sector ids" },
        { [.. (string[])["drill"], .. Server, "--recording", "r", "--colour", "red"], "unknown option '--colour'" },
        { [.. (string[])["drill"], .. Server, "--recording"], "option '--recording' needs a value" },
        { [.. (string[])["drill", "pause"], .. Server], "--id is required" },
        { [.. (string[])["drill", "stop"], .. Server, "--id", "d", "--recording", "r"], "unknown option '--recording'" },
        { [.. (string[])["replay"], .. Server], "--recording is required" },
        { [.. (string[])["replay"], .. Server, "--list", "--recording", "r"], "--list takes only --target, --user and --password" },
        { ["replay", "--list"], "--target is required" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_a_usage_error_naming_it(string[] args, string message)
    {
        var (exitCode, output) = await CliRun.RunAsync(args);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, output);
        Assert.Contains("--help", output);
    }

    [Theory]
    [InlineData("drill", "--loop")]
    [InlineData("drill pause", "--id ID")]
    [InlineData("drill resume", "--id ID")]
    [InlineData("drill stop", "--id ID")]
    [InlineData("replay", "--list")]
    public async Task Help_shows_usage_and_exit_codes(string command, string option)
    {
        var (exitCode, output) = await CliRun.RunAsync([.. command.Split(' '), "--help"]);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains($"Usage: monitoring {command}", output);
        Assert.Contains(option, output);
        Assert.Contains("Exit codes", output);
    }

    [Fact]
    public async Task The_overview_lists_the_drill_commands()
    {
        var (_, output) = await CliRun.RunAsync("--help");
        Assert.Contains("drill pause", output);
        Assert.Contains("replay", output);
    }

    [Fact]
    public async Task An_unreachable_host_is_exit_2_naming_it()
    {
        var port = Monitoring.Host.Tests.Infrastructure.FreePort.Next();
        var (exitCode, output) = await CliRun.RunAsync("replay", "--list", "--target", $"http://127.0.0.1:{port}", "--user", "u", "--password", "p");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"Cannot reach http://127.0.0.1:{port}/", output);
    }
}

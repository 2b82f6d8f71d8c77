using Monitoring.Cli.Tests.Support;

namespace Monitoring.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task No_arguments_lists_the_commands_and_is_a_usage_error()
    {
        var (exitCode, output) = await CliRun.RunAsync();
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("audit verify", output);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exitCode, output) = await CliRun.RunAsync("--help");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("audit verify", output);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var (exitCode, output) = await CliRun.RunAsync("frobnicate");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Unknown command 'frobnicate'", output);
    }

    [Fact]
    public async Task A_group_word_alone_lists_its_commands()
    {
        var (exitCode, output) = await CliRun.RunAsync("audit");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("audit verify", output);
    }

    [Fact]
    public async Task Command_help_shows_usage_options_and_exit_codes()
    {
        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--help");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("--data-dir DIR", output);
        Assert.Contains("--redis CONNSTR", output);
        Assert.Contains("Exit codes", output);
    }
}

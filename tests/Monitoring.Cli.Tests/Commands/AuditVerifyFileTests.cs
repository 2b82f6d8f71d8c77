using System.Text.Json.Nodes;
using Monitoring.Cli.Tests.Support;

namespace Monitoring.Cli.Tests.Commands;

public sealed class AuditVerifyFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_intact_file_exits_0_and_counts_every_entry()
    {
        var path = AuditLines.WriteFile(_directory.Path, AuditLines.Chain(25));
        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", path);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Checked 25 entries.", output);
        Assert.Contains("OK", output);
    }

    [Fact]
    public async Task Data_dir_reads_audit_log_under_it()
    {
        AuditLines.WriteFile(_directory.Path, AuditLines.Chain(3));
        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", $"--data-dir={_directory.Path}");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Checked 3 entries.", output);
    }

    [Fact]
    public async Task An_empty_file_is_an_intact_empty_chain()
    {
        var path = AuditLines.WriteFile(_directory.Path, []);
        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", path);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Checked 0 entries.", output);
    }

    [Fact]
    public async Task An_edited_actor_exits_1_and_names_its_index()
    {
        var lines = AuditLines.Chain(20);
        var tampered = JsonNode.Parse(lines[7])!;
        tampered["actor"] = "someone-else";
        lines[7] = tampered.ToJsonString();
        var path = AuditLines.WriteFile(_directory.Path, lines);

        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", path);
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("BROKEN at index 7 (hash mismatch)", output);
        Assert.Contains("Checked 7 entries before the break.", output);
    }

    [Fact]
    public async Task A_deleted_line_exits_1_with_an_index_gap()
    {
        var lines = AuditLines.Chain(10);
        lines.RemoveAt(4);
        var path = AuditLines.WriteFile(_directory.Path, lines);

        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", path);
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("BROKEN at index 4 (index gap)", output);
        Assert.Contains("expected 4, found 5", output);
    }

    [Fact]
    public async Task A_garbled_line_exits_1_as_unparsable()
    {
        var lines = AuditLines.Chain(6);
        lines[2] = lines[2][..30];
        var path = AuditLines.WriteFile(_directory.Path, lines);

        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", path);
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("BROKEN at index 2 (unparsable line)", output);
    }

    [Fact]
    public async Task A_torn_last_line_is_a_warning_not_a_break()
    {
        var lines = AuditLines.Chain(6);
        var path = AuditLines.WriteFile(_directory.Path, lines, tail: "{\"index\":6,\"at\":\"2025-03-01T09:0");

        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", path);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("torn", output);
        Assert.Contains("Checked 6 entries.", output);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--file", Path.Combine(_directory.Path, "nope.log"));
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("does not exist", output);
    }

    [Theory]
    [InlineData("--file")]
    [InlineData("--bogus", "x")]
    [InlineData("--file", "a", "--redis", "b")]
    [InlineData("--service-id", "x")]
    [InlineData("stray")]
    public async Task Bad_arguments_exit_2(params string[] arguments)
    {
        var (exitCode, output) = await CliRun.RunAsync(["audit", "verify", .. arguments]);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--help", output);
    }
}

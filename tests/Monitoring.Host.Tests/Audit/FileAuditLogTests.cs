using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Monitoring.Grains.Audit;
using Monitoring.Host.Audit;
using Monitoring.Host.Tests.Infrastructure;

namespace Monitoring.Host.Tests.Audit;

public sealed class FileAuditLogTests : IDisposable
{
    private readonly string _directory = MonitoringApp.NewDataDirectory();
    private readonly ListLogger<FileAuditLog> _logger = new();

    private string LogPath => AuditFile.PathIn(_directory);

    public void Dispose() => MonitoringApp.TryDelete(_directory);

    [Fact]
    public async Task Appended_entries_form_a_valid_chain_under_the_data_directory()
    {
        await using (var log = Open())
        {
            for (var i = 0; i < 50; i++)
            {
                await log.AppendAsync(AuditTestData.Entry(i));
            }
        }

        var result = await AuditFile.VerifyAsync(LogPath);
        Assert.True(result.IsValid, result.Break?.Reason);
        Assert.Equal(50, result.Checked);
        Assert.Equal(50, File.ReadAllLines(LogPath).Length);
    }

    [Fact]
    public async Task Read_pages_by_index_and_returns_entries_as_appended()
    {
        await using var log = Open();
        for (var i = 0; i < 30; i++)
        {
            await log.AppendAsync(AuditTestData.Entry(i, drillId: i % 2 == 0 ? "drill-1" : null));
        }

        var all = await log.ReadAsync(0, 500);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), all.Select(r => r.Index));
        Assert.Equal(AuditTestData.Entry(7), all[7].Entry);
        Assert.Equal("drill-1", all[8].Entry.DrillId);

        var page = await log.ReadAsync(10, 5);
        Assert.Equal([10L, 11, 12, 13, 14], page.Select(r => r.Index));
        Assert.Empty(await log.ReadAsync(30, 10));
        Assert.Empty(await log.ReadAsync(0, 0));
    }

    [Fact]
    public async Task Reopening_continues_the_chain()
    {
        await using (var first = Open())
        {
            for (var i = 0; i < 5; i++)
            {
                await first.AppendAsync(AuditTestData.Entry(i));
            }
        }

        await using (var second = Open())
        {
            Assert.Equal(5, (await second.GetHeadAsync()).NextIndex);
            for (var i = 5; i < 9; i++)
            {
                await second.AppendAsync(AuditTestData.Entry(i));
            }
        }

        var result = await AuditFile.VerifyAsync(LogPath);
        Assert.True(result.IsValid, result.Break?.Reason);
        Assert.Equal(9, result.Checked);
    }

    [Theory]
    [InlineData("actor", "intruder")]
    [InlineData("detail", "nothing happened")]
    [InlineData("at", "2025-03-01T09:00:00.0000000Z")]
    public async Task Editing_one_entry_breaks_the_chain_exactly_there(string member, string value)
    {
        await AppendAsync(20);
        var lines = File.ReadAllLines(LogPath);
        var edited = JsonNode.Parse(lines[12])!;
        edited[member] = value;
        lines[12] = edited.ToJsonString();
        File.WriteAllLines(LogPath, lines);

        var result = await AuditFile.VerifyAsync(LogPath);
        Assert.Equal(12, result.Break?.Index);
        Assert.Equal(AuditBreakKind.HashMismatch, result.Break!.Kind);
        Assert.Equal(12, result.Checked);
    }

    [Fact]
    public async Task Deleting_a_line_reports_the_gap_index()
    {
        await AppendAsync(20);
        var lines = File.ReadAllLines(LogPath).ToList();
        lines.RemoveAt(9);
        File.WriteAllLines(LogPath, lines);

        var result = await AuditFile.VerifyAsync(LogPath);
        Assert.Equal(9, result.Break?.Index);
        Assert.Equal(AuditBreakKind.IndexGap, result.Break!.Kind);
        Assert.Contains("expected 9, found 10", result.Break.Reason);
    }

    [Fact]
    public async Task A_torn_last_line_is_cut_on_open_with_a_warning_and_appends_continue()
    {
        await AppendAsync(6);
        var intact = new FileInfo(LogPath).Length;
        // A crash mid-append: half a line and no newline.
        await File.AppendAllTextAsync(LogPath, "{\"index\":6,\"at\":\"2025-03-01T09:00:00.00");
        Assert.True((await AuditFile.VerifyAsync(LogPath)).TornTail);

        await using (var log = Open())
        {
            Assert.Equal(6, (await log.GetHeadAsync()).NextIndex);
            Assert.Equal(intact, new FileInfo(LogPath).Length);
            for (var i = 6; i < 10; i++)
            {
                await log.AppendAsync(AuditTestData.Entry(i));
            }
        }

        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("torn", StringComparison.Ordinal));
        var result = await AuditFile.VerifyAsync(LogPath);
        Assert.True(result.IsValid, result.Break?.Reason);
        Assert.False(result.TornTail);
        Assert.Equal(10, result.Checked);
    }

    [Fact]
    public async Task A_damaged_last_line_stops_appends_instead_of_starting_a_new_chain()
    {
        await AppendAsync(3);
        var lines = File.ReadAllLines(LogPath);
        lines[^1] = "garbage";
        File.WriteAllLines(LogPath, lines);
        var before = await File.ReadAllBytesAsync(LogPath);

        await using var log = Open();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => log.AppendAsync(AuditTestData.Entry(3)).AsTask());
        Assert.Contains("monitoring audit verify", error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(LogPath));
    }

    [Fact]
    public async Task Concurrent_appends_give_a_gap_free_valid_chain()
    {
        const int Tasks = 8;
        const int PerTask = 200;
        await using (var log = Open())
        {
            await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < PerTask; i++)
                {
                    await log.AppendAsync(new AuditEntry(AuditTestData.Start, $"task-{t}", "test.appended", $"n:{i}"));
                }
            })));
        }

        var result = await AuditFile.VerifyAsync(LogPath);
        Assert.True(result.IsValid, result.Break?.Reason);
        Assert.Equal(Tasks * PerTask, result.Checked);

        await using var reader = Open();
        var records = await reader.ReadAsync(0, Tasks * PerTask + 1);
        Assert.Equal(Tasks * PerTask, records.Select(r => (r.Entry.Actor, r.Entry.Subject)).Distinct().Count());
        // Each caller's own entries keep their order.
        foreach (var group in records.GroupBy(r => r.Entry.Actor))
        {
            Assert.Equal(Enumerable.Range(0, PerTask).Select(i => $"n:{i}"), group.Select(r => r.Entry.Subject));
        }
    }

    [Fact]
    public async Task A_bad_entry_fails_its_caller_only()
    {
        await using var log = Open();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(AuditTestData.Entry(0) with { Actor = "" }).AsTask());
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(AuditTestData.Entry(0) with { Detail = "\ud800" }).AsTask());
        await log.AppendAsync(AuditTestData.Entry(0));
        Assert.Single(await log.ReadAsync(0, 10));
    }

    [Fact]
    public async Task Entries_survive_non_ascii_text_byte_for_byte()
    {
        await using (var log = Open())
        {
            await log.AppendAsync(AuditTestData.Entry(0) with { Actor = "김민준", Detail = "경고 방송 \"완료\"\n" });
        }

        Assert.Contains("김민준", await File.ReadAllTextAsync(LogPath, Encoding.UTF8));
        Assert.True((await AuditFile.VerifyAsync(LogPath)).IsValid);
    }

    [Fact]
    public async Task Appending_after_dispose_throws()
    {
        var log = Open();
        await log.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync(AuditTestData.Entry(0)).AsTask());
    }

    private FileAuditLog Open() => new(LogPath, _logger);

    private async Task AppendAsync(int count)
    {
        await using var log = Open();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(AuditTestData.Entry(i));
        }
    }
}

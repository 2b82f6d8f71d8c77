using System.Text;
using System.Text.Json;
using Monitoring.Host.Ingestion;

namespace Monitoring.Host.Tests.Ingestion;

/// <summary>The parser's id table: the same text as reading the token would give, one string per repeated id.</summary>
public sealed class RepeatedIdsTests
{
    [Fact]
    public void A_repeated_id_is_the_same_string_every_time()
    {
        var ids = new RepeatedIds(64, 128);

        var first = Read(ids, "\"rdr-25\"");
        var second = Read(ids, "\"rdr-25\"");

        Assert.Equal("rdr-25", first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("\"rdr-\\u0032\\u0035\"", "rdr-25")] // escaped: read as the reader reads it
    [InlineData("\"센서-7\"", "센서-7")] // not ASCII: read, not kept
    [InlineData("\"\"", "")]
    public void An_id_reads_as_the_json_reader_reads_it(string json, string expected)
    {
        var ids = new RepeatedIds(64, 128);

        Assert.Equal(expected, Read(ids, json));
        Assert.Equal(expected, Read(ids, json));
    }

    [Fact]
    public void Ids_that_share_a_slot_each_read_as_themselves()
    {
        var ids = new RepeatedIds(1, 128); // one slot: every id replaces the last

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("t-1", Read(ids, "\"t-1\""));
            Assert.Equal("t-2", Read(ids, "\"t-2\""));
            Assert.Equal("t-10", Read(ids, "\"t-10\""));
        }
    }

    [Fact]
    public void An_escaped_id_after_its_plain_twin_is_the_same_text()
    {
        var ids = new RepeatedIds(64, 128);
        var plain = Read(ids, "\"ab\"");

        Assert.Equal(plain, Read(ids, "\"a\\u0062\""));
    }

    [Fact]
    public void An_id_longer_than_the_limit_is_read_whole()
    {
        var ids = new RepeatedIds(64, 8);
        var id = new string('x', 200);

        Assert.Equal(id, Read(ids, $"\"{id}\""));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_as_the_reader_refuses_them()
    {
        var ids = new RepeatedIds(64, 128);
        byte[] json = [(byte)'"', 0x61, 0xC3, 0x28, (byte)'"']; // 0xC3 0x28 is not UTF-8

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            return ids.Read(ref reader);
        });
    }

    [Fact]
    public void The_table_size_must_be_a_power_of_two()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatedIds(100, 128));

    private static string Read(RepeatedIds ids, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return ids.Read(ref reader);
    }
}

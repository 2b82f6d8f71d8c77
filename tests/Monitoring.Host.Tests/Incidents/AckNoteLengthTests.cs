namespace Monitoring.Host.Tests.Incidents;

using System.Text.RegularExpressions;
using Monitoring.Host.Incidents;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The console's note field stops at the length the server accepts: the console has no endpoint to read the limit
/// from, so it repeats it (ACK_NOTE_MAX_LENGTH in ClientApp/src/incidents.ts), and this keeps the two the same.
/// </summary>
public sealed partial class AckNoteLengthTests
{
    [Fact]
    public void The_console_note_field_allows_exactly_the_server_s_maximum()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Monitoring.Host", "ClientApp", "src", "incidents.ts"));

        var constant = Constant().Match(source);
        Assert.True(constant.Success, "incidents.ts declares no ACK_NOTE_MAX_LENGTH");
        Assert.Equal(AckNote.MaxLength, int.Parse(constant.Groups[1].Value.Replace("_", string.Empty), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("maxlength: String(ACK_NOTE_MAX_LENGTH)", source, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"export const ACK_NOTE_MAX_LENGTH = ([0-9_]+);")]
    private static partial Regex Constant();
}

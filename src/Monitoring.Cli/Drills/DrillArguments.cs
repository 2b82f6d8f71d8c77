using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Cli.Drills;

/// <summary>
/// The options of `drill` and `replay` that become POST /api/drills. Checked here as well as on the server
/// so a typo is a usage error (exit 2) before anything is signed in or started.
/// </summary>
public sealed record DrillArguments(ServerArguments Server, JsonObject Request)
{
    public static readonly string[] Known = [.. ServerArguments.Known, "--recording", "--speed", "--from", "--to", "--sectors"];

    public string Recording => (string)Request["recording"]!;

    public static DrillArguments? Read(CliOptions options, bool loop, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ServerArguments.Read(options, out error) is not { } server)
        {
            return null;
        }

        if (options["--recording"] is not { Length: > 0 } recording)
        {
            error = "--recording is required (see `monitoring replay --list`)";
            return null;
        }

        var request = new JsonObject { ["recording"] = recording, ["loop"] = loop };
        var speed = options["--speed"] ?? "1";
        if (speed == "max")
        {
            request["speed"] = "max";
        }
        else if (double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0.1 and <= 1000)
        {
            request["speed"] = s;
        }
        else
        {
            error = $"--speed must be a number from 0.1 to 1000, or max (got '{speed}')";
            return null;
        }

        foreach (var name in new[] { "from", "to" })
        {
            if (options["--" + name] is { } time)
            {
                if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    error = $"--{name} must be an ISO 8601 time, e.g. 2026-03-01T09:00:00Z (got '{time}')";
                    return null;
                }

                request[name] = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            }
        }

        if (options["--sectors"] is { } sectors)
        {
            var ids = sectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length == 0)
            {
                error = "--sectors needs sector ids, e.g. S01,S02";
                return null;
            }

            request["sectors"] = new JsonArray(ids.Select(id => (JsonNode)id).ToArray());
        }

        return new DrillArguments(server, request);
    }
}

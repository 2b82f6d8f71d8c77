namespace Monitoring.Host.Tests.Identity;

using Monitoring.Host.Tests.Infrastructure;

/// <summary>Outside Development the host does not start without a signing key and sensor keys, or with a bad user list.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public Task Without_a_signing_key() => AssertRefusedAsync(
        new() { ["Monitoring:Security:SigningKey"] = null },
        "Monitoring:Security:SigningKey");

    [Fact]
    public Task With_a_short_signing_key() => AssertRefusedAsync(
        new() { ["Monitoring:Security:SigningKey"] = "short" },
        "too short");

    [Fact]
    public Task Without_sensor_keys() => AssertRefusedAsync(
        new() { ["Monitoring:Security:SensorKeys:0"] = null },
        "Monitoring:Security:SensorKeys");

    [Fact]
    public Task With_an_unknown_role() => AssertRefusedAsync(
        new() { ["Monitoring:Security:Users:0:Roles:0"] = "superuser" },
        "unknown role(s) 'superuser'");

    [Fact]
    public Task With_a_plain_text_password() => AssertRefusedAsync(
        new() { ["Monitoring:Security:Users:0:Password"] = "plain-secret" },
        "Monitoring:Security:Users:0:Password is plain text");

    [Fact]
    public Task With_a_malformed_sector() => AssertRefusedAsync(
        new() { ["Monitoring:Security:Users:0:Sectors:0"] = "west" },
        "malformed id(s) 'west'");

    private static async Task AssertRefusedAsync(Dictionary<string, string?> settings, string messagePart)
    {
        await using var app = new MonitoringApp(settings: settings);
        var failure = await Record.ExceptionAsync(() => app.StartAsync(TimeSpan.FromSeconds(30)));
        Assert.NotNull(failure);
        Assert.IsNotType<TimeoutException>(failure);
        var messages = string.Join("\n", Flatten(failure).Select(e => e.Message));
        Assert.Contains(messagePart, messages);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}

namespace Monitoring.Host.Tests.Drills;

using Monitoring.Host.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Host.Drills;

/// <summary>A host on a fake clock (live time stands still unless a test moves it) with a scenario recording in its data directory.</summary>
public sealed class DrillHost : IAsyncDisposable
{
    private DrillHost(MonitoringApp app, FakeTimeProvider clock, string recording)
    {
        App = app;
        Clock = clock;
        Recording = recording;
    }

    public MonitoringApp App { get; }

    public FakeTimeProvider Clock { get; }

    public string Recording { get; }

    public static async Task<DrillHost> StartAsync(string scenario = Monitoring.Simulation.Scenarios.ScenarioCatalog.All)
    {
        var data = MonitoringApp.NewDataDirectory();
        var recording = await ScenarioRecording.WriteAsync(data, scenario);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new MonitoringApp(data, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await DisposeAndDeleteAsync(app);
            throw;
        }

        return new DrillHost(app, clock, recording);
    }

    public async Task<string> StartDrillAsync(object speed, bool loop = false, bool paused = false, DateTimeOffset? to = null)
    {
        using var client = await App.ClientFor("drill");
        var response = await client.PostAsJsonAsync("/api/drills", new { recording = Recording, speed, loop, paused, to });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("drillId").GetString()!;
    }

    public async Task ResumeAsync(string drillId)
    {
        using var client = await App.ClientFor("drill");
        (await client.PostAsync($"/api/drills/{drillId}/resume", null)).EnsureSuccessStatusCode();
    }

    public Task<DrillStatus?> StatusAsync(string drillId)
        => App.Services.GetRequiredService<IClusterClient>().GetGrain<IDrillGrain>(drillId).GetStatus();

    /// <summary>Waits (real time) for a drill at max to end.</summary>
    public async Task<DrillStatus> WaitEndedAsync(string drillId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var status = (await StatusAsync(drillId))!;
            if (status.State is DrillStates.Finished or DrillStates.Stopped)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"drill still {status.State} at {status.Progress:P0}");
            await Task.Delay(50);
        }
    }

    /// <summary>Drives a drill at a finite speed in virtual time: moves the host clock on until the drill ends.</summary>
    public async Task<DrillStatus> DriveAsync(string drillId, Func<DrillStatus, Task>? between = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(240));
        for (var i = 0; ; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
            if (i % 20 == 0)
            {
                var status = (await StatusAsync(drillId))!;
                if (status.State is DrillStates.Finished or DrillStates.Stopped)
                {
                    return status;
                }

                if (between is not null)
                {
                    await between(status);
                }

                Assert.True(DateTime.UtcNow < deadline, $"drill still {status.State} at {status.Progress:P0}");
            }
        }
    }

    public ValueTask DisposeAsync() => DisposeAndDeleteAsync(App);

    /// <summary>
    /// The app is given the data directory (the recording is written into it before the host starts), so the app
    /// does not own it and leaves it behind: deleted here, after the host has let go of its files.
    /// </summary>
    private static async ValueTask DisposeAndDeleteAsync(MonitoringApp app)
    {
        await app.DisposeAsync();
        MonitoringApp.TryDelete(app.DataDirectory);
    }
}

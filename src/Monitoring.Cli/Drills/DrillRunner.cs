using System.Globalization;
using Monitoring.Cli.Api;
using Spectre.Console;

namespace Monitoring.Cli.Drills;

/// <summary>
/// Runs one drill for `drill` and `replay`: signs in, starts it, follows GET /api/drills/{id} every 250 ms
/// with a progress bar until it is finished or stopped, stops it on Ctrl+C, then prints the after-action report.
/// Exit: 0 finished, 1 refused/failed/stopped/interrupted, 2 host unreachable.
/// </summary>
public static class DrillRunner
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    // After a stop the grain may still be writing its report; wait this long for it, then print what there is.
    private static readonly TimeSpan SettleFor = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(DrillArguments arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        using var api = new MonitoringApiClient(arguments.Server.Target);
        string? drillId = null;
        try
        {
            await api.SignInAsync(arguments.Server.User, arguments.Server.Password, cancellationToken).ConfigureAwait(false);
            drillId = await api.StartDrillAsync(arguments.Request, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Drill [bold]{drillId}[/] started: recording {arguments.Recording}, speed {arguments.Request["speed"]?.ToJsonString().Trim('"')}.");
            var last = await FollowAsync(api, drillId, console, cancellationToken).ConfigureAwait(false);
            if (last is null)
            {
                console.MarkupLine("[yellow]Interrupted: stopping the drill.[/]");
                last = await StopAsync(api, drillId).ConfigureAwait(false);
                AfterActionTable.Write(console, last);
                return ExitCodes.Failed;
            }

            if (last.AfterAction is null)
            {
                last = await SettleAsync(api, drillId, CancellationToken.None).ConfigureAwait(false);
            }

            AfterActionTable.Write(console, last);
            return Verdict(console, last);
        }
        catch (ApiException e)
        {
            return CommandOutput.Refused(console, drillId is null ? "The server refused" : $"The server failed drill {drillId}", e.Message);
        }
        catch (HttpRequestException e)
        {
            return CommandOutput.Unreachable(console, arguments.Server.Target, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted while signing in or starting: nothing of ours is running that we know of.
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ExitCodes.Failed;
        }
        catch (TaskCanceledException e)
        {
            return CommandOutput.Refused(console, "The server did not answer in time", e.Message);
        }
    }

    /// <summary>The last status once the drill is over, or null when Ctrl+C came first.</summary>
    private static async Task<DrillView?> FollowAsync(MonitoringApiClient api, string drillId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        DrillView? last = null;
        try
        {
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(drillId), maxValue: 1.0);
                    while (true)
                    {
                        last = await api.GetDrillAsync(drillId, cancellationToken).ConfigureAwait(false);
                        task.Value = Math.Clamp(last.Progress, 0, 1);
                        task.Description = Markup.Escape(Describe(last));
                        if (last.IsOver)
                        {
                            task.StopTask();
                            return;
                        }

                        await Task.Delay(PollEvery, cancellationToken).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            return last;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<DrillView> StopAsync(MonitoringApiClient api, string drillId)
    {
        // Ctrl+C cancelled the command's token; the stop itself must still go out, on its own deadline.
        using var deadline = new CancellationTokenSource(SettleFor);
        DrillView stopped;
        try
        {
            stopped = await api.ControlAsync(drillId, "stop", deadline.Token).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.Status == 409)
        {
            // It ended on its own just before Ctrl+C (a drill that has ended refuses a stop): show how it ended.
            return await SettleAsync(api, drillId, deadline.Token).ConfigureAwait(false);
        }

        return stopped.IsOver && stopped.AfterAction is not null ? stopped : await SettleAsync(api, drillId, deadline.Token).ConfigureAwait(false);
    }

    private static async Task<DrillView> SettleAsync(MonitoringApiClient api, string drillId, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SettleFor);
        var view = await api.GetDrillAsync(drillId, deadline.Token).ConfigureAwait(false);
        while (!(view.IsOver && view.AfterAction is not null) && !deadline.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollEvery, deadline.Token).ConfigureAwait(false);
                view = await api.GetDrillAsync(drillId, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }

        return view;
    }

    private static int Verdict(IAnsiConsole console, DrillView last)
    {
        if (last.Error is { } error)
        {
            console.MarkupLineInterpolated($"[red]The drill failed: {error}[/]");
            return ExitCodes.Failed;
        }

        if (last.State != "finished")
        {
            console.MarkupLineInterpolated($"[yellow]The drill ended {last.State}, not finished.[/]");
            return ExitCodes.Failed;
        }

        console.MarkupLine("[green]Finished.[/]");
        return ExitCodes.Ok;
    }

    private static string Describe(DrillView view)
    {
        var pass = view.Loop ? string.Create(CultureInfo.InvariantCulture, $" pass {view.Pass}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{view.State}{pass} clock {view.Clock.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
    }
}

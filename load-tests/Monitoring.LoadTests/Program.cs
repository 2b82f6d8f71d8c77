using Monitoring.LoadTests.Cli;

// dotnet run -c Release --project load-tests/Monitoring.LoadTests -- SCENARIO (--target URL --key KEY | --self-host) [options]
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await LoadTestApp.RunAsync(args, cancel.Token);

using Microsoft.Extensions.Options;
using Monitoring.Grains.Storage;
using Monitoring.Host.Storage;

namespace Monitoring.Host.Tests.Storage;

/// <summary>
/// The drills' sector log keeps every rule of the durable ones. "Restart" here is a grain reactivation
/// (the same process, the same log); a host restart forgets drills by design (docs/drills.md).
/// </summary>
public sealed class InMemorySectorLogTests : SectorLogContract
{
    private readonly Dictionary<int, InMemorySectorLog> _logs = [];

    protected override ISectorLog Open(int capacity = 1_000)
    {
        if (!_logs.TryGetValue(capacity, out var log))
        {
            _logs[capacity] = log = new InMemorySectorLog(Options.Create(new SectorLogOptions { Capacity = capacity }));
        }

        return log;
    }

    protected override Task RestartAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;
}

namespace Monitoring.Host.Cluster;

using StackExchange.Redis;

/// <summary>
/// The one multiplexer of a cluster-mode host: Orleans clustering, grain storage, the sector log
/// and the SignalR backplane all share it, as StackExchange.Redis intends.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(string configuration)
    {
        Configuration = ConfigurationOptions.Parse(configuration);
        Configuration.AbortOnConnectFail = false;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Configuration));
    }

    public ConfigurationOptions Configuration { get; }

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public Task<IConnectionMultiplexer> GetAsync() => Task.FromResult<IConnectionMultiplexer>(_multiplexer.Value);

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}

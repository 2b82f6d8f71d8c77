namespace Monitoring.LoadTests.Tests;

using Monitoring.LoadTests.Hosting;

/// <summary>One self-hosted host for the scenario tests (starting one per test would cost more than the tests).</summary>
public sealed class LoadHostFixture : IAsyncLifetime
{
    public SelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
        => Host = await SelfHost.StartAsync(HostPaths.HostDll, recorder: true, TimeSpan.FromMinutes(3), CancellationToken.None);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LoadHostCollection : ICollectionFixture<LoadHostFixture>
{
    public const string Name = "load host";
}

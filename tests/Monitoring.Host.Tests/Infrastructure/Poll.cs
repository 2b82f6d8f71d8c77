namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// Waits for what the host does after it has answered (a push, a timer, a commit in the background) by asking
/// again every 50 ms. A test fails with its own words for what did not come, not with a timeout.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    /// <summary>Until the condition holds; fails with <paramref name="what"/> when it has not within the time.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan within, Func<string> what)
        => ForAsync(() => condition() ? true : (bool?)null, within, what);

    /// <summary>Until the probe finds something, which it returns; fails with <paramref name="what"/> when it has not within the time.</summary>
    public static async Task<T> ForAsync<T>(Func<T?> probe, TimeSpan within, Func<string> what)
        where T : struct
        => (await ForAsync(() => probe() is { } found ? new Found<T>(found) : null, within, what)).Value;

    /// <inheritdoc cref="ForAsync{T}(Func{T?}, TimeSpan, Func{string})"/>
    public static async Task<T> ForAsync<T>(Func<T?> probe, TimeSpan within, Func<string> what)
        where T : class
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, what());
            await Task.Delay(Every);
        }
    }

    private sealed record Found<T>(T Value);
}

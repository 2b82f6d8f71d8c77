namespace Monitoring.Host.Tests.Sectors;

using Monitoring.Grains.Sectors;

/// <summary>
/// The sector's dedupe window: a repeat within the window is always a duplicate, the pair is forgotten at
/// most an eighth of a window later, and the memory it holds stays bounded at a steady rate.
/// </summary>
public sealed class DedupeWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(75)] // the start of a generation
    [InlineData(599)]
    public void A_repeat_within_the_window_is_a_duplicate_however_traffic_rotated_the_generations(int addedAtS)
    {
        var window = new DedupeWindow(Window);
        var addedAt = T0.AddSeconds(addedAtS);
        for (var s = 0; s < addedAtS; s++)
        {
            window.Add("rdr-01", $"other-{s}", T0.AddSeconds(s));
        }

        window.Add("rdr-01", "r-1", addedAt);

        // Other sensors keep reporting every second until just before the window closes on r-1.
        for (var s = 1; s < Window.TotalSeconds; s++)
        {
            window.Add("rdr-02", $"busy-{s}", addedAt.AddSeconds(s));
            Assert.True(window.Contains("rdr-01", "r-1", addedAt.AddSeconds(s)), $"forgotten {s} s after it was added");
        }

        Assert.True(window.Contains("rdr-01", "r-1", addedAt + Window - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void A_pair_is_forgotten_at_most_an_eighth_of_a_window_after_the_window()
    {
        var window = new DedupeWindow(Window);
        window.Add("rdr-01", "r-1", T0);

        Assert.True(window.Contains("rdr-01", "r-1", T0 + Window - TimeSpan.FromSeconds(1)));
        Assert.False(window.Contains("rdr-01", "r-1", T0 + Window + (Window / 8)));
    }

    [Fact]
    public void The_same_characters_split_differently_are_different_pairs()
    {
        var window = new DedupeWindow(Window);
        window.Add("ab", "c", T0);

        Assert.True(window.Contains("ab", "c", T0));
        Assert.False(window.Contains("a", "bc", T0));
    }

    [Fact]
    public void At_a_steady_rate_it_holds_at_most_a_window_and_an_eighth_of_pairs()
    {
        const int PerSecond = 100;
        var window = new DedupeWindow(Window);
        var peak = 0;
        for (var s = 0; s < 3 * Window.TotalSeconds; s++)
        {
            for (var i = 0; i < PerSecond; i++)
            {
                var now = T0.AddSeconds(s);
                Assert.False(window.Contains("rdr-01", $"{s}-{i}", now));
                window.Add("rdr-01", $"{s}-{i}", now);
            }

            peak = Math.Max(peak, window.Count);
        }

        Assert.InRange(peak, PerSecond * (int)Window.TotalSeconds, PerSecond * (int)(Window.TotalSeconds * 9 / 8) + PerSecond);
    }

    [Fact]
    public void A_set_taken_over_from_a_dropped_generation_forgets_its_old_pairs_and_keeps_the_new_ones()
    {
        var window = new DedupeWindow(Window);
        for (var i = 0; i < 50; i++)
        {
            window.Add("rdr-01", $"old-{i}", T0);
        }

        // Long after: the first generation is dropped, and the next one takes over its set.
        var later = T0 + (3 * Window);
        window.Add("rdr-01", "new-1", later);
        window.Add("rdr-01", "new-2", later.AddSeconds(100)); // a generation further on

        Assert.All(Enumerable.Range(0, 50), i => Assert.False(window.Contains("rdr-01", $"old-{i}", later.AddSeconds(100))));
        Assert.True(window.Contains("rdr-01", "new-1", later.AddSeconds(100)));
        Assert.True(window.Contains("rdr-01", "new-2", later.AddSeconds(100)));
        Assert.Equal(2, window.Count);
    }

    /// <summary>
    /// Against a model (each pair's last add): over thousands of generations, so every tag is reused many times, a
    /// pair added less than a window ago is always found, and one added a window and an eighth ago or more never is.
    /// </summary>
    [Fact]
    public void Over_thousands_of_generations_it_remembers_as_a_model_does()
    {
        var windowLength = TimeSpan.FromSeconds(8); // generations of 1 s
        var window = new DedupeWindow(windowLength);
        var lastAdded = new Dictionary<int, DateTimeOffset>();
        var random = new Random(20261208);
        var now = T0;
        for (var step = 0; step < 200_000; step++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(0, 25)); // about 2,500 s: 2,500 generations, each tag used ten times
            var pair = random.Next(random.Next(10) == 0 ? 50_000 : 2_000); // mostly a small set, so pairs repeat
            var seen = window.Contains("rdr-01", $"r-{pair}", now);
            if (lastAdded.TryGetValue(pair, out var at))
            {
                var age = now - at;
                if (age < windowLength)
                {
                    Assert.True(seen, $"step {step}: r-{pair} added {age.TotalMilliseconds} ms ago was forgotten");
                }
                else if (age >= windowLength + (windowLength / 8))
                {
                    Assert.False(seen, $"step {step}: r-{pair} added {age.TotalMilliseconds} ms ago is still remembered");
                }
            }
            else
            {
                Assert.False(seen, $"step {step}: r-{pair} was never added");
            }

            if (!seen || random.Next(4) == 0) // the grain adds only new pairs; an add of a kept one refreshes it
            {
                window.Add("rdr-01", $"r-{pair}", now);
                lastAdded[pair] = now;
            }
        }
    }
}

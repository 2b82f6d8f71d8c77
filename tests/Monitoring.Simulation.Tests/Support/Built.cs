namespace Monitoring.Simulation.Tests.Support;

using System.Collections.Concurrent;
using Monitoring.Simulation.Scenarios;

/// <summary>Scenarios built once per (name, seed) and shared by the tests that only read them.</summary>
public static class Built
{
    private static readonly ConcurrentDictionary<(string, int), Scenario> Cache = new();

    public static Scenario Scenario(string name, int seed = 7)
        => Cache.GetOrAdd((name, seed), key => ScenarioCatalog.Build(key.Item1, DefaultMdl.Context(key.Item2)).Single());

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioCatalog.Names)
        {
            data.Add(name);
        }

        return data;
    }
}

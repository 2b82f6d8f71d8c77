namespace Monitoring.Contracts.Grains;

using Orleans.Runtime;

/// <summary>
/// String-keyed grain references without Orleans' per-call type resolution. <c>GetGrain&lt;T&gt;(key)</c>
/// resolves the interface type from its attributes by reflection on every call (Orleans 10 does not cache
/// it), which showed as ~10% of a drill replay's CPU; the grain and interface types of an interface never
/// change, so they are resolved once per interface and reused.
/// </summary>
public static class GrainReferences
{
    public static T Reference<T>(this IGrainFactory factory, string key)
        where T : IGrainWithStringKey
    {
        var (grainType, interfaceType) = Types<T>.Resolve(factory);
        return (T)factory.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private static class Types<T>
        where T : IGrainWithStringKey
    {
        // A reference type, so a reader never sees half of a concurrent write.
        private static Tuple<GrainType, GrainInterfaceType>? _resolved;

        public static (GrainType, GrainInterfaceType) Resolve(IGrainFactory factory)
        {
            if (Volatile.Read(ref _resolved) is not { } known)
            {
                // Resolved the usual way once; a race only resolves it twice, to the same value.
                var sample = (GrainReference)(object)factory.GetGrain<T>("_");
                known = Tuple.Create(sample.GrainId.Type, sample.InterfaceType);
                Volatile.Write(ref _resolved, known);
            }

            return (known.Item1, known.Item2);
        }
    }
}

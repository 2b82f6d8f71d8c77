namespace Monitoring.Contracts.Reports;

/// <summary>The wire names of <see cref="ObjectClass"/>.</summary>
public static class ObjectClassNames
{
    public static string Of(ObjectClass value) => value switch
    {
        ObjectClass.Person => "person",
        ObjectClass.Vehicle => "vehicle",
        ObjectClass.Animal => "animal",
        ObjectClass.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static bool TryParse(ReadOnlySpan<char> text, out ObjectClass value)
    {
        switch (text)
        {
            case "person": value = ObjectClass.Person; return true;
            case "vehicle": value = ObjectClass.Vehicle; return true;
            case "animal": value = ObjectClass.Animal; return true;
            case "unknown": value = ObjectClass.Unknown; return true;
            default: value = default; return false;
        }
    }
}

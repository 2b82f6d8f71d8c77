namespace Monitoring.Contracts.Reports;

/// <summary>What a sensor saw. "unknown" is treated as a possible person.</summary>
[GenerateSerializer]
[Alias("monitoring.ObjectClass")]
public enum ObjectClass : byte
{
    Person = 0,
    Vehicle = 1,
    Animal = 2,
    Unknown = 3,
}

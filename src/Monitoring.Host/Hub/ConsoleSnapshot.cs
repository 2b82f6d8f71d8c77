namespace Monitoring.Host.Hub;

using Monitoring.Contracts.Sectors;

/// <summary>The answer to Subscribe: everything a console needs to draw before the first push.</summary>
public sealed record ConsoleSnapshot(
    long MdlVersion,
    string Policy,
    IReadOnlyList<SectorView> Sectors,
    IReadOnlyDictionary<string, long> LastSeq,
    IReadOnlyList<string> OpenIncidents);

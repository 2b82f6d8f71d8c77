namespace Monitoring.Host.Ingestion;

/// <summary>
/// The set of sectors a batch's calls go to, compared by value (<see cref="SensorTurns"/>). Almost every batch
/// goes to one sector, which needs no allocation; a batch split over several keeps their sorted indexes.
/// </summary>
public readonly record struct SectorSetKey(int Single, string? Several)
{
    public static SectorSetKey Of(IReadOnlyList<int> sectors)
    {
        if (sectors.Count == 1)
        {
            return new SectorSetKey(sectors[0], null);
        }

        return new SectorSetKey(-1, string.Join(',', sectors.Distinct().Order()));
    }
}

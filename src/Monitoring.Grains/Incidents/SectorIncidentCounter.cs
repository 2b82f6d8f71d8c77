namespace Monitoring.Grains.Incidents;

/// <summary>
/// The sector grain's incident numbering (grain state): per year, counting from 1.
/// Numbers are reserved in blocks so that opening an incident does not wait for a storage write each time;
/// a restart skips what was reserved but not used (numbers may have gaps, they are never reused).
/// </summary>
[GenerateSerializer]
[Alias("monitoring.incidents.SectorIncidentCounter")]
public sealed class SectorIncidentCounter
{
    [Id(0)] public int Year { get; set; }
    [Id(1)] public int Last { get; set; }

    /// <summary>The highest number of Year that is stored as taken; 0 in state written before blocks.</summary>
    [Id(2)] public int Reserved { get; set; }

    /// <summary>After a (re)activation: anything reserved may have been handed out before, so continue after it.</summary>
    public void SkipReserved() => Last = Math.Max(Last, Reserved);

    /// <summary>
    /// Takes the next number of that year (a new year starts again at 1). Returns true when the state must
    /// be stored before the number is used: the number opens a new block of <paramref name="block"/>.
    /// </summary>
    public (int Number, bool MustStore) Next(int year, int block)
    {
        if (year != Year)
        {
            Year = year;
            Last = 0;
            Reserved = 0;
        }

        var number = ++Last;
        if (number <= Reserved)
        {
            return (number, false);
        }

        Reserved = number + Math.Max(block, 1) - 1;
        return (number, true);
    }
}

namespace Monitoring.Grains.Incidents;

/// <summary>The sector grain's incident numbering (grain state): per year, counting from 1.</summary>
[GenerateSerializer]
[Alias("monitoring.incidents.SectorIncidentCounter")]
public sealed class SectorIncidentCounter
{
    [Id(0)] public int Year { get; set; }
    [Id(1)] public int Last { get; set; }

    /// <summary>Takes the next number of that year (a new year starts again at 1).</summary>
    public int Next(int year)
    {
        if (year != Year)
        {
            Year = year;
            Last = 0;
        }

        return ++Last;
    }
}

using System.Globalization;

namespace Monitoring.Geo.Generation;

/// <summary>Sectors every sectorLength of base-line arc length; a shorter remainder joins the last one.</summary>
internal static class SectorPlanner
{
    public static List<SectorDefinition> Plan(double totalLength, double sectorLength)
    {
        if (!(sectorLength > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sectorLength));
        }

        var count = Math.Max(1, (int)Math.Floor(totalLength / sectorLength));
        var sectors = new List<SectorDefinition>(count);
        for (var i = 0; i < count; i++)
        {
            var end = i == count - 1 ? totalLength : (i + 1) * sectorLength;
            sectors.Add(new SectorDefinition(IdOf(i), i, i * sectorLength, end));
        }

        return sectors;
    }

    public static string IdOf(int index) => "S" + (index + 1).ToString("00", CultureInfo.InvariantCulture);
}

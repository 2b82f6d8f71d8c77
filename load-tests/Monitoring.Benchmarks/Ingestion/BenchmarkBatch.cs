namespace Monitoring.Benchmarks.Ingestion;

using System.Globalization;
using System.Text;
using Monitoring.Geo;
using Monitoring.Grains.Sensors;

/// <summary>
/// A batch like the load generator's: one radar's reports on distinct tracks, clear or approaching,
/// inside its sector. Shared by the ingestion benchmarks so they measure the same bytes.
/// </summary>
internal static class BenchmarkBatch
{
    public const int Reports = 100;

    public static ReconciledMdl Mdl { get; } = ReconciledMdl.Build(MdlDataSetFactory.Generate(), MdlPolicy.Jcs2025, 1);

    public static SensorCatalog Sensors { get; } = SensorCatalog.Generate(Mdl.Sectors);

    public static byte[] Json(DateTimeOffset observedAt, int seed = 1)
    {
        var random = new Random(seed);
        var sector = Mdl.Sectors.Sectors[10];
        var n = (sector.Index + 1).ToString("00", CultureInfo.InvariantCulture);
        var json = new StringBuilder("[");
        for (var i = 0; i < Reports; i++)
        {
            var p = Mdl.Sectors.PointAt(sector.StartM + 200 + (random.NextDouble() * (sector.EndM - sector.StartM - 400)), -300 - (random.NextDouble() * 1500));
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"reportId\":\"b{seed}.{i}@123456\",\"sensorId\":\"rdr-{n}\",\"observedAt\":\"{observedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"lon\":{p.Lon:R},\"lat\":{p.Lat:R},\"accuracyM\":10,\"class\":\"person\",\"trackId\":\"lt-{i}\"}}");
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }
}

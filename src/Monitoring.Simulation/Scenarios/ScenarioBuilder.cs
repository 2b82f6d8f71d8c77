namespace Monitoring.Simulation.Scenarios;

using Monitoring.Geo;
using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Sensors;
using Monitoring.Simulation.Truth;

/// <summary>
/// Shared machinery of the scenarios: one sector, its sensor models, the movers, and a 1 s time loop that
/// lets every model observe the ground truth. Everything random comes from one seeded stream, drawn in a
/// fixed order, so a seed is a report sequence.
/// </summary>
public sealed class ScenarioBuilder
{
    private readonly ScenarioContext _context;
    private readonly List<Mover> _movers = [];
    private readonly List<SensorSilence> _silences = [];
    private readonly List<ExpectedIncident> _incidents = [];
    private readonly List<string> _offline = [];

    public ScenarioBuilder(ScenarioContext context, string name, int sectorNumber)
        : this(context, name, context.Sector(sectorNumber))
    {
    }

    public ScenarioBuilder(ScenarioContext context, string name, SectorDefinition sector)
    {
        _context = context;
        Name = name;
        Sector = sector;
        Sensors = new SectorSensors(sector);
        Random = context.RandomFor(name);
    }

    public string Name { get; }
    public SectorDefinition Sector { get; }
    public SectorSensors Sensors { get; }
    public Random Random { get; }
    public LinePlacer Placer => _context.Placer;

    /// <summary>Where this scenario plays along the line: mid-sector, jittered up to ±spread, clear of sector ends.</summary>
    public double ArcNearMid(double spreadM) => Sensors.Mid + (((Random.NextDouble() * 2) - 1) * spreadM);

    public PathBuilder Path(double startT, double arcM, double depthM) => new(Placer, startT, arcM, depthM);

    public Mover Add(string trackId, string objectClass, int count, PathBuilder path, SeenBy seenBy = SeenBy.All)
    {
        var mover = new Mover(trackId, objectClass, count, path.Build(), seenBy);
        _movers.Add(mover);
        return mover;
    }

    /// <summary>Declares that this radar track must open exactly one incident.</summary>
    public void ExpectIncident(Mover mover, bool ambiguousOnly = false)
        => _incidents.Add(new ExpectedIncident(Sector.SectorId, $"{Sensors.Radar.Id}/{TrackIdOf(mover)}", ambiguousOnly));

    public void Silence(string sensorId, TimeSpan from, TimeSpan to, bool expectOffline)
    {
        _silences.Add(new SensorSilence(sensorId, from, to));
        if (expectOffline)
        {
            _offline.Add(sensorId);
        }
    }

    public Scenario Build(string description, double durationSeconds)
    {
        var emitter = new ReportEmitter(Placer, _context.Start, _context.RunTag);
        ISensorModel[] models =
        [
            new RadarModel(Sensors.Radar),
            new EoIrModel(Sensors.Cameras),
            new FenceModel(Sensors),
            new SeismicModel(Sensors.Seismic),
            new PatrolModel(Sensors.Patrol),
        ];
        var duration = (int)Math.Ceiling(durationSeconds);
        for (var t = 0; t <= duration; t++)
        {
            foreach (var model in models)
            {
                model.Observe(t, _movers, Random, emitter);
            }
        }

        // A silenced sensor sends nothing at all while silent.
        var reports = emitter.Reports.Where(r => !_silences.Any(s => s.SensorId == r.Report.SensorId && s.Covers(r.At))).ToArray();
        return new Scenario(
            Name,
            description,
            [Sector.SectorId],
            Sensors.All.Select(s => s.Id).ToArray(),
            TimeSpan.FromSeconds(duration),
            reports,
            _silences.ToArray(),
            new ScenarioExpectation(_incidents.ToArray(), _offline.ToArray()));
    }

    private string TrackIdOf(Mover mover) => _context.RunTag.Length == 0 ? mover.TrackId : $"{_context.RunTag}.{mover.TrackId}";
}

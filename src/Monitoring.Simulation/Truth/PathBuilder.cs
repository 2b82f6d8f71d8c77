namespace Monitoring.Simulation.Truth;

using Monitoring.Simulation.Geometry;

/// <summary>
/// Builds a mover's waypoints in terms of depth below the reconciled line (negative = north of it),
/// so "30 m south" means 30 m past R whatever the two lines do there.
/// </summary>
public sealed class PathBuilder
{
    private readonly LinePlacer _placer;
    private readonly List<Waypoint> _points = [];
    private double _t;
    private double _s;
    private double _depth;

    public PathBuilder(LinePlacer placer, double startT, double arcM, double depthM)
    {
        _placer = placer;
        _t = startT;
        Add(arcM, depthM);
    }

    public double Time => _t;

    /// <summary>Walks in a straight line (in s and depth) to the target at the given speed.</summary>
    public PathBuilder MoveTo(double arcM, double depthM, double speedMps)
    {
        var distance = Math.Sqrt(((arcM - _s) * (arcM - _s)) + ((depthM - _depth) * (depthM - _depth)));
        var steps = Math.Max(1, (int)Math.Ceiling(distance / 50)); // re-anchored to R every 50 m
        var (s0, d0) = (_s, _depth);
        for (var i = 1; i <= steps; i++)
        {
            var f = (double)i / steps;
            _t += distance / steps / speedMps;
            Add(s0 + ((arcM - s0) * f), d0 + ((depthM - d0) * f));
        }

        return this;
    }

    public PathBuilder Stay(double seconds)
    {
        _t += seconds;
        Add(_s, _depth);
        return this;
    }

    /// <summary>Moves between random points of a box (arc ±spread around its centre, depth range) for a while.</summary>
    public PathBuilder Wander(Random rng, double seconds, double arcCentre, double arcSpread, double depthMin, double depthMax, double speedMps)
    {
        var until = _t + seconds;
        while (_t < until)
        {
            var s = arcCentre + ((rng.NextDouble() * 2) - 1) * arcSpread;
            var d = depthMin + (rng.NextDouble() * (depthMax - depthMin));
            MoveTo(s, d, speedMps);
            Stay(5 + (rng.NextDouble() * 20));
        }

        return this;
    }

    public IReadOnlyList<Waypoint> Build() => _points.ToArray();

    private void Add(double arcM, double depthM)
    {
        _s = arcM;
        _depth = depthM;
        _points.Add(new Waypoint(_t, arcM, _placer.OffsetAtDepth(arcM, depthM)));
    }
}

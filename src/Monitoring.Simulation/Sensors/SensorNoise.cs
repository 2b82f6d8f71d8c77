namespace Monitoring.Simulation.Sensors;

/// <summary>
/// Position error for a stated 95% radius a: Gaussian per axis (σ = a / 2.448, so 95% of errors fall
/// within a), truncated at a so a report never lies further than its own stated accuracy. That keeps a
/// scenario's verdicts, and so its expected incidents, stable for every seed.
/// </summary>
public static class SensorNoise
{
    public static (double East, double North) Draw(Random rng, double accuracyM)
    {
        var sigma = accuracyM / 2.4477;
        while (true)
        {
            var u1 = 1 - rng.NextDouble();
            var u2 = rng.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u1));
            var x = sigma * r * Math.Cos(2 * Math.PI * u2);
            var y = sigma * r * Math.Sin(2 * Math.PI * u2);
            if ((x * x) + (y * y) <= accuracyM * accuracyM)
            {
                return (x, y);
            }
        }
    }
}

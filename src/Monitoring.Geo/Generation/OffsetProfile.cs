namespace Monitoring.Geo.Generation;

/// <summary>
/// The sideways offset of the map line as a function of base-line arc length: stretches of exactly 0
/// (about 40% of the length) between smooth bumps. Each bump rises and falls on a raised-cosine ramp
/// whose steepest slope is 0.08 (below the 1 m per 10 m rule) and holds a plateau of ±8..58 m in between.
/// </summary>
internal sealed class OffsetProfile
{
    public const double ZeroFraction = 0.40;
    public const double MaxSlope = 0.08;
    public const double MaxAmplitude = 58;
    public const double MinAmplitude = 8;
    /// <summary>The largest bump is at least this high, so the line's largest offset is ≥ 30 m.</summary>
    public const double LargestAmplitude = 45;

    private readonly Bump[] _bumps;

    private OffsetProfile(Bump[] bumps) => _bumps = bumps;

    public IReadOnlyList<Bump> Bumps => _bumps;

    public static OffsetProfile Create(double length, Random random)
    {
        var nonZero = length * (1 - ZeroFraction);
        var count = Math.Max(1, (int)Math.Round(nonZero / 5000));

        // Bump lengths and the gaps around them, each drawn at random and scaled to the wanted totals.
        var bumpWeights = Draw(random, count, 0.6, 1.4);
        var gapWeights = Draw(random, count + 1, 0.3, 1.7);
        Scale(bumpWeights, nonZero);
        Scale(gapWeights, length - nonZero);

        var bumps = new Bump[count];
        var largest = random.Next(count);
        var s = gapWeights[0];
        for (var i = 0; i < count; i++)
        {
            var amplitude = i == largest
                ? LargestAmplitude + (random.NextDouble() * (MaxAmplitude - LargestAmplitude))
                : MinAmplitude + (random.NextDouble() * (MaxAmplitude - MinAmplitude));
            // A bump too short for its ramps is made lower rather than steeper.
            amplitude = Math.Min(amplitude, bumpWeights[i] * 2 * MaxSlope / Math.PI / 2.2);
            var sign = random.Next(2) == 0 ? -1.0 : 1.0;
            var ramp = amplitude * Math.PI / (2 * MaxSlope);
            bumps[i] = new Bump(s, s + bumpWeights[i], sign * amplitude, ramp);
            s += bumpWeights[i] + gapWeights[i + 1];
        }

        return new OffsetProfile(bumps);
    }

    /// <summary>The offset at arc length s, metres, positive to the right (south).</summary>
    public double At(double s)
    {
        foreach (var bump in _bumps)
        {
            if (s > bump.Start && s < bump.End)
            {
                return bump.At(s);
            }
        }

        return 0;
    }

    private static double[] Draw(Random random, int count, double low, double high)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = low + (random.NextDouble() * (high - low));
        }

        return values;
    }

    private static void Scale(double[] values, double total)
    {
        var sum = values.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= total / sum;
        }
    }

    internal readonly record struct Bump(double Start, double End, double Amplitude, double Ramp)
    {
        public double At(double s)
        {
            var fromStart = s - Start;
            var toEnd = End - s;
            var edge = Math.Min(fromStart, toEnd);
            var weight = edge >= Ramp ? 1 : (1 - Math.Cos(Math.PI * edge / Ramp)) / 2;
            return Amplitude * weight;
        }
    }
}

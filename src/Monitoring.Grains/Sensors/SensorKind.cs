namespace Monitoring.Grains.Sensors;

public static class SensorKind
{
    public const string Radar = "radar";
    public const string EoIr = "eo-ir";
    public const string Fence = "fence";
    public const string Seismic = "seismic";
    public const string Patrol = "patrol";

    /// <summary>Default 95% accuracy radius of each kind, metres.</summary>
    public static double DefaultAccuracyM(string kind) => kind switch
    {
        Radar => 15,
        EoIr => 5,
        Fence => 10,
        Seismic => 50,
        Patrol => 10,
        _ => 25,
    };
}

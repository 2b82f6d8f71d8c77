namespace Monitoring.Geo;

public enum MdlPolicy
{
    /// <summary>JCS guidance: identified markers first, else the southernmost of both lines.</summary>
    Jcs2025,
    /// <summary>Southernmost of both lines everywhere (no verified zones).</summary>
    Southernmost,
    MapLine,
    UncLine,
}

namespace Monitoring.Grains.Mdl;

/// <summary>The MDL data set and policy (configuration section Monitoring:Mdl).</summary>
public sealed class MdlOptions
{
    /// <summary>jcs-2025 (default), southernmost, map-line or unc-line.</summary>
    public string Policy { get; set; } = "jcs-2025";

    /// <summary>Seed of the generated default data set.</summary>
    public int Seed { get; set; } = 1953;

    /// <summary>Sector length along the base line, metres.</summary>
    public double SectorLengthM { get; set; } = 4000;

    /// <summary>Half-width of a verified zone around a run of identified markers, metres.</summary>
    public double VerifiedBufferM { get; set; } = 150;

    /// <summary>How far north of the line "approaching" starts, metres.</summary>
    public double ApproachM { get; set; } = 100;

    /// <summary>A GeoJSON file in the shape of GET /api/mdl that replaces the generated data set.</summary>
    public string? GeoJsonPath { get; set; }
}

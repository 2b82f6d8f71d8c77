namespace Monitoring.Grains.Mdl;

using Monitoring.Contracts.Mdl;
using Monitoring.Geo;

/// <summary>
/// Per-silo cache of the built MDL versions. Building a version (overlays, indexes) is costly, so each
/// silo builds a version once and every sector grain on it shares the immutable result.
/// </summary>
public sealed class MdlSnapshots(MdlBaseData baseData)
{
    private readonly Lock _gate = new();
    private volatile ReconciledMdl? _current;

    /// <summary>Raised after a newer version became current.</summary>
    public event Action<ReconciledMdl>? Changed;

    /// <summary>The newest version this silo knows, or null before the first load.</summary>
    public ReconciledMdl? Current => _current;

    public ReconciledMdl Require()
        => _current ?? throw new InvalidOperationException("The MDL is not loaded yet.");

    /// <summary>Makes the given version current unless a newer one already is.</summary>
    public ReconciledMdl Apply(MdlDefinition definition)
    {
        var current = _current;
        if (current is not null && current.Version >= definition.Version)
        {
            return current;
        }

        var built = Build(definition);
        lock (_gate)
        {
            if (_current is not null && _current.Version >= built.Version)
            {
                return _current;
            }

            _current = built;
        }

        Changed?.Invoke(built);
        return built;
    }

    /// <summary>Builds a version without making it current (drills pin their own).</summary>
    public ReconciledMdl Build(MdlDefinition definition)
    {
        var data = baseData.DataSet;
        foreach (var survey in definition.Surveys)
        {
            WireNames.TryParse(survey.Status, out MarkerStatus status);
            LonLat? position = survey.Lon is { } lon && survey.Lat is { } lat ? new LonLat(lon, lat) : null;
            data = data.WithMarkerSurvey(survey.Number, status, position, survey.SurveyedAt);
        }

        var policy = WireNames.TryParse(definition.Policy, out MdlPolicy p) ? p : baseData.DefaultPolicy;
        return ReconciledMdl.Build(data, policy, definition.Version);
    }
}

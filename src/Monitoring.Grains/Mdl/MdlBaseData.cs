namespace Monitoring.Grains.Mdl;

using Microsoft.Extensions.Options;
using Monitoring.Geo;

/// <summary>
/// The data set every MDL version starts from: generated deterministically, or loaded from a file.
/// Surveys recorded by the MdlGrain are applied on top of it, so any silo can rebuild any version.
/// </summary>
public sealed class MdlBaseData
{
    private readonly Lazy<MdlDataSet> _dataSet;

    public MdlBaseData(IOptions<MdlOptions> options)
    {
        var o = options.Value;
        Parameters = new MdlParameters
        {
            Seed = o.Seed,
            SectorLengthM = o.SectorLengthM,
            VerifiedBufferM = o.VerifiedBufferM,
            ApproachM = o.ApproachM,
        };
        DefaultPolicy = WireNames.TryParse(o.Policy, out MdlPolicy policy)
            ? policy
            : throw new OptionsValidationException(nameof(MdlOptions), typeof(MdlOptions), [$"Monitoring:Mdl:Policy '{o.Policy}' is not one of jcs-2025, southernmost, map-line, unc-line."]);
        _dataSet = new Lazy<MdlDataSet>(() => o.GeoJsonPath is { Length: > 0 } path
            ? MdlDataSetFactory.LoadGeoJson(File.ReadAllText(path), Parameters)
            : MdlDataSetFactory.Generate(Parameters));
    }

    public MdlParameters Parameters { get; }

    public MdlPolicy DefaultPolicy { get; }

    public MdlDataSet DataSet => _dataSet.Value;
}

namespace Monitoring.Contracts.Mdl;

/// <summary>The single, versioned authority over the MDL. Key: "live" (drills use their own key).</summary>
[Alias("monitoring.IMdlGrain")]
public interface IMdlGrain : IGrainWithStringKey
{
    [Alias("GetDefinition")]
    [Orleans.Concurrency.ReadOnly]
    Task<MdlDefinition> GetDefinition();

    /// <summary>Records a survey and returns the new definition (version + 1).</summary>
    [Alias("RecordSurvey")]
    Task<MdlDefinition> RecordSurvey(MarkerSurvey survey);

    /// <summary>Selects another reconciliation policy; a new version.</summary>
    [Alias("SetPolicy")]
    Task<MdlDefinition> SetPolicy(string policy);
}

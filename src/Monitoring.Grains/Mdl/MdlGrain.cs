namespace Monitoring.Grains.Mdl;

using Monitoring.Contracts.Mdl;
using Monitoring.Geo;

/// <summary>
/// The versioned authority over the MDL. It keeps the policy and the survey history; the geometry
/// is rebuilt from them by <see cref="MdlSnapshots"/> on each silo, so the state stays small.
/// </summary>
public sealed class MdlGrain(
    [PersistentState("mdl")] IPersistentState<MdlGrainState> state,
    MdlBaseData baseData,
    TimeProvider clock) : Grain, IMdlGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Version == 0)
        {
            state.State.Version = 1;
            state.State.Policy = WireNames.Of(baseData.DefaultPolicy);
            state.State.ChangedAt = clock.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<MdlDefinition> GetDefinition() => Task.FromResult(Definition());

    public async Task<MdlDefinition> RecordSurvey(MarkerSurvey survey)
    {
        var markerCount = baseData.DataSet.Markers.Count;
        if (survey.Number < 1 || survey.Number > markerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(survey), $"Marker {survey.Number} does not exist (1..{markerCount}).");
        }

        if (!WireNames.TryParse(survey.Status, out MarkerStatus _))
        {
            throw new ArgumentException($"Status '{survey.Status}' is not identified, damaged or lost.", nameof(survey));
        }

        var now = clock.GetUtcNow();
        state.State.Surveys.Add(survey with { RecordedAt = now });
        await Bump(now);
        return Definition();
    }

    public async Task<MdlDefinition> SetPolicy(string policy)
    {
        if (!WireNames.TryParse(policy, out MdlPolicy _))
        {
            throw new ArgumentException($"Policy '{policy}' is not one of jcs-2025, southernmost, map-line, unc-line.", nameof(policy));
        }

        state.State.Policy = policy;
        await Bump(clock.GetUtcNow());
        return Definition();
    }

    private async Task Bump(DateTimeOffset now)
    {
        state.State.Version++;
        state.State.ChangedAt = now;
        await state.WriteStateAsync();
    }

    private MdlDefinition Definition() => new()
    {
        Version = state.State.Version,
        Policy = state.State.Policy,
        Surveys = state.State.Surveys.ToArray(),
        ChangedAt = state.State.ChangedAt,
    };
}

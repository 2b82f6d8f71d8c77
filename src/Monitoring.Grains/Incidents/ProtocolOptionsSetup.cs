namespace Monitoring.Grains.Incidents;

using Microsoft.Extensions.Options;

/// <summary>
/// Fills in the default ladder when none is configured (binding a list onto non-empty defaults would append
/// to them instead of replacing them), and refuses a protocol that cannot work, at start-up.
/// </summary>
public sealed class ProtocolOptionsSetup : IPostConfigureOptions<ProtocolOptions>, IValidateOptions<ProtocolOptions>
{
    public void PostConfigure(string? name, ProtocolOptions options)
    {
        if (options.Steps.Count == 0)
        {
            options.Steps = ProtocolOptions.Defaults();
        }
    }

    public ValidateOptionsResult Validate(string? name, ProtocolOptions options)
    {
        var errors = new List<string>();
        var ids = options.Steps.Select(s => s.StepId).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            errors.Add("Monitoring:Protocol:Steps: step ids must be unique.");
        }

        foreach (var step in options.Steps)
        {
            var at = $"Monitoring:Protocol:Steps '{step.StepId}'";
            if (string.IsNullOrWhiteSpace(step.StepId))
            {
                errors.Add("Monitoring:Protocol:Steps: every step needs a StepId.");
            }

            if (!StepTrigger.TryParse(step.Due, out var trigger))
            {
                errors.Add($"{at}: Due '{step.Due}' is not open, returned, acked:STEP or still-crossed:STEP.");
            }
            else if (trigger.StepId is { } other && !ids.Contains(other))
            {
                errors.Add($"{at}: Due refers to unknown step '{other}'.");
            }
            else if (trigger.Kind == StepTriggerKind.StillCrossed && step.Delay is null)
            {
                errors.Add($"{at}: still-crossed needs a Delay.");
            }

            if (step.Roles.Count == 0)
            {
                errors.Add($"{at}: needs at least one role.");
            }

            if (step.Deadline is { } d && d <= TimeSpan.Zero)
            {
                errors.Add($"{at}: Deadline must be positive.");
            }

            if (step.NotSameActorAs is { } peer && !ids.Contains(peer))
            {
                errors.Add($"{at}: NotSameActorAs refers to unknown step '{peer}'.");
            }
        }

        if (!options.Steps.Any(s => s.Closes))
        {
            errors.Add("Monitoring:Protocol:Steps: one step must close the incident (Closes: true).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

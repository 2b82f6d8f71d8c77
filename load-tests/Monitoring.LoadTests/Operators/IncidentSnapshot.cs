namespace Monitoring.LoadTests.Operators;

using System.Text.Json;

/// <summary>What the operators need of an incident view (api.md "Incidents"): its sector, state and steps.</summary>
public sealed record IncidentSnapshot(string IncidentId, string SectorId, bool Closed, bool Drill, IReadOnlyList<StepSnapshot> Steps)
{
    public StepSnapshot? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);

    public static IncidentSnapshot Parse(JsonElement view)
    {
        var steps = new List<StepSnapshot>();
        if (view.TryGetProperty("steps", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var step in list.EnumerateArray())
            {
                steps.Add(new StepSnapshot(
                    step.GetProperty("stepId").GetString()!,
                    step.GetProperty("state").GetString()!,
                    Time(step, "dueAt"),
                    Time(step, "deadlineAt"),
                    Time(step, "ackedAt"),
                    step.TryGetProperty("ackedBy", out var by) && by.ValueKind == JsonValueKind.String ? by.GetString() : null));
            }
        }

        return new IncidentSnapshot(
            view.GetProperty("incidentId").GetString()!,
            view.GetProperty("sectorId").GetString()!,
            view.GetProperty("state").GetString() == "closed",
            view.TryGetProperty("drillId", out var drill) && drill.ValueKind == JsonValueKind.String,
            steps);
    }

    private static DateTimeOffset? Time(JsonElement step, string name)
        => step.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;
}

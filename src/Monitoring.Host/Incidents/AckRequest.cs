namespace Monitoring.Host.Incidents;

/// <summary>Body of POST /api/incidents/{id}/steps/{stepId}/ack.</summary>
public sealed record AckRequest(string? Note);

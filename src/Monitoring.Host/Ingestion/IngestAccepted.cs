namespace Monitoring.Host.Ingestion;

/// <summary>The 202 answer of POST /api/reports.</summary>
public sealed record IngestAccepted(int Accepted, int Duplicates);

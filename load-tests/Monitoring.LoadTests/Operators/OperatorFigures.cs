namespace Monitoring.LoadTests.Operators;

using Monitoring.LoadTests.Measurement;

/// <summary>
/// What the operators did in a run: incidents they saw open (pushes, sweeps, from sign-in on, warm-up
/// included) and closed, the host's open incidents at the end, and their acks
/// (AckProblems: what the non-200 answers said, digits as #, at most 20 kinds).
/// </summary>
public sealed record OperatorFigures(
    int Operators,
    long IncidentsOpened,
    long IncidentsClosed,
    long IncidentsOpenAtEnd,
    long Acks,
    long AckConflicts,
    long AckRefused,
    long AckErrors,
    long AcksLate,
    LatencyHistogram DueToAck,
    IReadOnlyDictionary<string, int> AckProblems);

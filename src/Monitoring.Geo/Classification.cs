namespace Monitoring.Geo;

/// <summary>A verdict with its signed distance to the reconciled line R, metres, positive south.</summary>
public readonly record struct Classification(Verdict Verdict, double DepthM);

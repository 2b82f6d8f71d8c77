namespace Monitoring.Geo;

/// <summary>The verdict for one position, in the order domain.md tests them (crossed first).</summary>
public enum Verdict : byte
{
    Clear = 0,
    Approaching = 1,
    Ambiguous = 2,
    Crossed = 3,
}

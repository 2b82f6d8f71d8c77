namespace Monitoring.Geo;

public enum MarkerStatus
{
    Identified,
    Damaged,
    Lost,
}

namespace Monitoring.Geo;

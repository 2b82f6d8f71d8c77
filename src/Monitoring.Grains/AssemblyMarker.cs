namespace Monitoring.Grains;

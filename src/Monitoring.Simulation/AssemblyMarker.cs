namespace Monitoring.Simulation;

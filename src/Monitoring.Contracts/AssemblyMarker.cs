namespace Monitoring.Contracts;

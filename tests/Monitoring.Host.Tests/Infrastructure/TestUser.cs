namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>A configured test user; see <see cref="TestUsers"/>.</summary>
public sealed record TestUser(string Name, string[] Roles, string[] Sectors)
{
    public string Password => Name + "-pw";
}

namespace Monitoring.Host.Identity;

/// <summary>A local user who may sign in. Only the password hash is kept, never the plain text.</summary>
public sealed record OperatorAccount(string Name, string PasswordHash, IReadOnlyList<string> Roles, IReadOnlyList<string> Sectors);

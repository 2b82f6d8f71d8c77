namespace Monitoring.Host.Identity;

using System.Text;
using Monitoring.Grains.Audit;

/// <summary>Sign-ins (good and bad) and every authorization denial go to the audit log.</summary>
public sealed class IdentityAudit(IAuditLog log, TimeProvider clock)
{
    public const string SignIn = "auth.signin";
    public const string SignInFailed = "auth.signin.failed";
    public const string Denied = "auth.denied";

    public ValueTask SignedInAsync(string name, string? detail, CancellationToken cancellationToken = default)
        => log.AppendAsync(new AuditEntry(clock.GetUtcNow(), name, SignIn, "token", detail), cancellationToken);

    /// <summary>The attempted name is whatever the caller typed: it is cut short and stripped of control characters.</summary>
    public ValueTask SignInFailedAsync(string attemptedName, string? detail, CancellationToken cancellationToken = default)
        => log.AppendAsync(new AuditEntry(clock.GetUtcNow(), Clean(attemptedName), SignInFailed, "token", detail), cancellationToken);

    /// <param name="subject">What was denied, e.g. "subscribe:S12" or "GET /api/incidents/S12-2026-0001".</param>
    public ValueTask DeniedAsync(string actor, string subject, string? reason, CancellationToken cancellationToken = default)
        => log.AppendAsync(new AuditEntry(clock.GetUtcNow(), actor, Denied, Clean(subject, 512), reason), cancellationToken);

    public static string Clean(string text, int max = 64)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, max)))
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.Length == 0 ? "(empty)" : builder.ToString();
    }
}

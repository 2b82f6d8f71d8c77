namespace Monitoring.Host.Identity;

using System.Text.Json;
using Monitoring.Host.Problems;

/// <summary>
/// POST /api/auth/token {"username","password"} → {"accessToken","expiresAt"}. A wrong name and a wrong
/// password give the same 401, and every attempt is audited.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/api/auth/token";
    private const int MaxBodyBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, Handle)
            .AllowAnonymous()
            .WithTags("Identity")
            .WithSummary("Signs a local user in and issues a bearer token (also accepted by the hub as access_token).")
            .Produces<IssuedToken>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<IResult> Handle(HttpContext http, OperatorDirectory users, TokenIssuer issuer, IdentityAudit audit)
    {
        const string Invalid = "Invalid sign-in request.";
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, Invalid, null, "body", $"must be at most {MaxBodyBytes} bytes");
        }

        // Content-Length is only a claim: a chunked body has none, and was read whole (a 1 MB sign-in was accepted).
        if (await ReadAtMostAsync(http.Request.Body, MaxBodyBytes, http.RequestAborted) is not { } bytes)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, Invalid, null, "body", $"must be at most {MaxBodyBytes} bytes");
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, Invalid, null, "body", "send a JSON object {\"username\", \"password\"}");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, Invalid, null, "body", "send a JSON object {\"username\", \"password\"}");
        }

        var errors = new List<FieldError>();
        var username = Field(body, "username", 128, errors);
        var password = Field(body, "password", 1024, errors);
        if (errors.Count > 0)
        {
            return ProblemResults.Of(StatusCodes.Status400BadRequest, Invalid, errors);
        }

        var remote = $"from {http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var account = users.Verify(username!, password!);
        if (account is null)
        {
            await audit.SignInFailedAsync(username!, remote);
            return ProblemResults.Single(StatusCodes.Status401Unauthorized, "Sign-in failed.", null, "credentials", "unknown user name or wrong password");
        }

        await audit.SignedInAsync(account.Name, remote);
        return Results.Ok(issuer.Issue(account));
    }

    /// <summary>The body, or null when it is longer than max bytes (then only max + 1 bytes have been read).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        var buffer = new byte[max + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > max ? null : buffer.AsMemory(0, total);
    }

    private static string? Field(JsonElement body, string name, int maxLength, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            errors.Add(new FieldError(null, name, "is required: a non-empty string"));
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new FieldError(null, name, $"must be at most {maxLength} characters"));
            return null;
        }

        return text;
    }
}

namespace Monitoring.Host.Identity;

using System.Text.Json;
using Monitoring.Host.Problems;
using Monitoring.Host.Requests;

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

        // Counted as it is read (a chunked body has no Content-Length, and one of 1 MB was read whole and accepted).
        if (await BoundedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } read)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, Invalid, null, "body", $"must be at most {MaxBodyBytes} bytes");
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(read.Memory);
            body = document.RootElement.Clone(); // a copy: the body's buffer goes back to the pool right after
        }
        catch (JsonException)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, Invalid, null, "body", "send a JSON object {\"username\", \"password\"}");
        }
        finally
        {
            read.Dispose();
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

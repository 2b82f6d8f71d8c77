namespace Monitoring.Host.Problems;

/// <summary>
/// The field and reason of an error answer that no endpoint wrote: the framework's 401 (no token), 403 (a role
/// policy), 404 (no such route), 405 (no such method) and 415 (media type). Their problem+json carried no
/// <c>errors</c> array, so a client that reads errors (the CLI, the console) had nothing to show.
/// </summary>
public static class StatusProblemFields
{
    public static FieldError? For(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => new(null, "Authorization", "send a bearer token (Authorization: Bearer …; access_token on the hub)"),
        StatusCodes.Status403Forbidden => new(null, "Authorization", "the signed-in user's role does not allow this (docs/authorization.md)"),
        StatusCodes.Status404NotFound => new(null, "path", "no such endpoint"),
        StatusCodes.Status405MethodNotAllowed => new(null, "method", "is not allowed on this path"),
        StatusCodes.Status415UnsupportedMediaType => new(null, "Content-Type", "must be application/json"),
        _ => null,
    };
}

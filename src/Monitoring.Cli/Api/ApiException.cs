namespace Monitoring.Cli.Api;

/// <summary>The server refused or failed a request; the message is already "field: reason" lines for the user.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status the server answered.</summary>
    public int Status { get; } = status;
}

namespace Monitoring.Host.Problems;

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

/// <summary>
/// A query value or JSON body that minimal APIs cannot bind to its parameter (a word where a number goes, a
/// number too large for it, a broken JSON body) came back as a bare 400 naming nothing. With
/// <c>ThrowOnBadRequest</c> set, the binder throws instead, and this answers the same problem+json as every
/// other bad input: the parameter as the field, and what it must be. The raw value is not echoed.
/// </summary>
internal sealed partial class UnreadableRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        var error = Describe(bad);
        await ProblemResults.Of(bad.StatusCode, "Invalid request.", [error]).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The field and reason from the binder's message ("... parameter \"int? limit\" ...").</summary>
    internal static FieldError Describe(BadHttpRequestException bad)
    {
        var match = Parameter().Match(bad.Message);
        if (!match.Success)
        {
            return new FieldError(null, "request", bad.StatusCode == StatusCodes.Status400BadRequest ? "could not be read" : bad.Message);
        }

        var (type, name) = (ValueType(match.Groups["type"].Value), match.Groups["name"].Value);
        if (bad.Message.Contains("request body", StringComparison.Ordinal))
        {
            return new FieldError(null, name, "is not a JSON body of the expected shape");
        }

        var reason = type switch
        {
            "int" or "Int32" => $"must be an integer from {int.MinValue} to {int.MaxValue}",
            "long" or "Int64" => $"must be an integer from {long.MinValue} to {long.MaxValue}",
            "double" or "Double" => "must be a number",
            "bool" or "Boolean" => "must be true or false",
            _ => "could not be read",
        };
        return new FieldError(null, name, bad.Message.StartsWith("Required", StringComparison.Ordinal) ? "is required" : reason);
    }

    /// <summary>"int?" and "Nullable&lt;int&gt;" are both an int here: a missing value is another message.</summary>
    private static string ValueType(string type)
        => type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>') ? type["Nullable<".Length..^1] : type.TrimEnd('?');

    [GeneratedRegex(@"parameter ""(?<type>[^""]*) (?<name>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}

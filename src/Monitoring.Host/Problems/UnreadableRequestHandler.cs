namespace Monitoring.Host.Problems;

using System.Reflection;
using System.Text.Json;
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
            return WrongTypedField(bad.InnerException as JsonException) ?? new FieldError(null, name, "is not a JSON body of the expected shape");
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

    /// <summary>
    /// A body that is JSON of the right shape but with one member of the wrong type ({"note": 1}, {"surveyedAt":
    /// "garbage"}) names that member, as the endpoints' own checks do, rather than the whole body. Only conversion
    /// failures qualify: a broken or truncated body still names the body. The serializer names the body's type
    /// ("could not be converted to Monitoring.Host.Incidents.AckRequest. Path: $.note"); the member's type says what
    /// the value must be.
    /// </summary>
    private static FieldError? WrongTypedField(JsonException? json)
    {
        if (json?.Path is not { Length: > 2 } path || !path.StartsWith("$.", StringComparison.Ordinal)
            || ConvertedTo().Match(json.Message) is not { Success: true } converted)
        {
            return null;
        }

        var member = path[2..];
        var bodyType = typeof(UnreadableRequestHandler).Assembly.GetType(converted.Groups["type"].Value);
        var memberType = bodyType?.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        var valueType = memberType is null ? null : Nullable.GetUnderlyingType(memberType) ?? memberType;
        var reason = valueType == typeof(string) ? "must be a string"
            : valueType == typeof(DateTimeOffset) || valueType == typeof(DateTime) ? "must be an RFC 3339 time"
            : valueType == typeof(double) || valueType == typeof(float) || valueType == typeof(decimal) ? "must be a number"
            : valueType == typeof(int) || valueType == typeof(long) ? "must be an integer"
            : valueType == typeof(bool) ? "must be true or false"
            : "is not of the expected type";
        return new FieldError(null, member, reason);
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+)\. Path:", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    /// <summary>"int?" and "Nullable&lt;int&gt;" are both an int here: a missing value is another message.</summary>
    private static string ValueType(string type)
        => type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>') ? type["Nullable<".Length..^1] : type.TrimEnd('?');

    [GeneratedRegex(@"parameter ""(?<type>[^""]*) (?<name>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}

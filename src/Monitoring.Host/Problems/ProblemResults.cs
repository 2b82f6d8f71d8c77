namespace Monitoring.Host.Problems;

using Microsoft.AspNetCore.Mvc;

/// <summary>problem+json answers that always name the field and the reason (and the index for batches).</summary>
public static class ProblemResults
{
    public static IResult Of(int status, string title, IReadOnlyList<FieldError> errors, IDictionary<string, string>? headers = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = $"https://httpstatuses.io/{status}",
            Detail = errors.Count == 1 ? Describe(errors[0]) : $"{errors.Count} problems; see errors.",
        };
        problem.Extensions["errors"] = errors;
        return new ProblemWithHeaders(problem, headers);
    }

    public static IResult Single(int status, string title, int? index, string field, string reason)
        => Of(status, title, [new FieldError(index, field, reason)]);

    private static string Describe(FieldError e)
        => e.Index is { } i ? $"[{i}].{e.Field}: {e.Reason}" : $"{e.Field}: {e.Reason}";

    private sealed class ProblemWithHeaders(ProblemDetails problem, IDictionary<string, string>? headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (headers is not null)
            {
                foreach (var (name, value) in headers)
                {
                    httpContext.Response.Headers[name] = value;
                }
            }

            return Results.Problem(problem).ExecuteAsync(httpContext);
        }
    }
}

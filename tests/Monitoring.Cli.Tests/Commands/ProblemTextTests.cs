using Monitoring.Cli.Api;

namespace Monitoring.Cli.Tests.Commands;

public sealed class ProblemTextTests
{
    [Fact]
    public void Each_error_is_a_field_reason_line()
    {
        const string body = """
            {"title":"The drill was not started.","status":400,"detail":"2 problems; see errors.",
             "errors":[{"index":null,"field":"speed","reason":"must be a number from 0.1 to 1000, or \"max\""},
                       {"index":3,"field":"lon","reason":"the position is outside the monitored area"}]}
            """;
        Assert.Equal(
            ["speed: must be a number from 0.1 to 1000, or \"max\"", "[3].lon: the position is outside the monitored area"],
            ProblemText.Describe(400, body));
    }

    [Fact]
    public void Without_errors_the_detail_or_title_is_shown()
    {
        Assert.Equal(["Forbidden here"], ProblemText.Describe(403, """{"title":"Forbidden here"}"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>bad gateway</html>")]
    public void A_body_that_is_not_a_problem_shows_the_status(string body)
    {
        Assert.Equal(["HTTP 502"], ProblemText.Describe(502, body));
    }
}

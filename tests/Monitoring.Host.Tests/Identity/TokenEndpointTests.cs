namespace Monitoring.Host.Tests.Identity;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>POST /api/auth/token: tokens for good credentials, the same 401 for any bad ones, 400 naming the field.</summary>
public sealed class TokenEndpointTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Good_credentials_give_an_hs256_token_with_name_roles_and_sectors()
    {
        using var anonymous = host.App.CreateClient();
        var before = DateTimeOffset.UtcNow;
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "op-duty", password = "op-duty-pw" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var expiresAt = body.RootElement.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, before.AddHours(8).AddSeconds(-5), DateTimeOffset.UtcNow.AddHours(8).AddSeconds(5));

        var token = new JsonWebToken(body.RootElement.GetProperty("accessToken").GetString());
        Assert.Equal("HS256", token.Alg);
        Assert.Equal("monitoring", token.Issuer);
        Assert.Equal(["monitoring"], token.Audiences);
        Assert.Equal("op-duty", token.GetClaim("name").Value);
        Assert.Equal(["operator", "duty-officer"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(TestUser("op-duty").Sectors, token.Claims.Where(c => c.Type == "sector").Select(c => c.Value));

        var signIns = await host.AuditAsync(e => e.Action == "auth.signin" && e.Actor == "op-duty");
        Assert.NotEmpty(signIns);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_and_are_audited()
    {
        using var anonymous = host.App.CreateClient();
        var wrongPassword = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "op-west", password = "guess" });
        var unknownUser = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "nobody-here", password = "op-west-pw" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await WithoutTraceId(wrongPassword), await WithoutTraceId(unknownUser));

        Assert.NotEmpty(await host.AuditAsync(e => e.Action == "auth.signin.failed" && e.Actor == "op-west"));
        Assert.NotEmpty(await host.AuditAsync(e => e.Action == "auth.signin.failed" && e.Actor == "nobody-here"));
    }

    [Theory]
    [InlineData("{\"password\":\"x\"}", "username")]
    [InlineData("{\"username\":\"op-west\"}", "password")]
    [InlineData("{\"username\":\"op-west\",\"password\":7}", "password")]
    [InlineData("{\"username\":\"\",\"password\":\"x\"}", "username")]
    [InlineData("[1,2]", "body")]
    [InlineData("{not json", "body")]
    [InlineData("", "body")]
    public async Task A_malformed_body_is_a_400_naming_the_field(string body, string field)
    {
        using var anonymous = host.App.CreateClient();
        var response = await anonymous.PostAsync("/api/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task A_body_over_8_KB_is_refused_even_without_a_content_length()
    {
        using var anonymous = host.App.CreateClient();
        var padded = $"{{\"username\":\"op-west\",\"password\":\"op-west-pw\",\"pad\":\"{new string('x', 1_000_000)}\"}}";

        // Chunked, as a client that streams its body sends it: no Content-Length to check up front (this got a token).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = new UnsizedContent(System.Text.Encoding.UTF8.GetBytes(padded)) };
        request.Headers.TransferEncodingChunked = true;
        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("body", problem.RootElement.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = new JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "monitoring",
            Audience = "monitoring",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["name"] = "admin", ["role"] = "admin", ["sector"] = "*" },
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), "HS256"),
        });
        using var client = host.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sectors")).StatusCode);
    }

    private static TestUser TestUser(string name) => TestUsers.Get(name);

    /// <summary>The problem body minus its per-request traceId.</summary>
    private static async Task<string> WithoutTraceId(HttpResponseMessage response)
    {
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    /// <summary>A JSON body whose length is not known up front (sent chunked).</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

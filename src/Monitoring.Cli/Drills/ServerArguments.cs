namespace Monitoring.Cli.Drills;

/// <summary>--target URL --user NAME --password PW: where to sign in, shared by the drill and replay commands.</summary>
public sealed record ServerArguments(Uri Target, string User, string Password)
{
    public static readonly string[] Known = ["--target", "--user", "--password"];

    public static ServerArguments? Read(CliOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        error = null;
        if (options["--target"] is not { Length: > 0 } target
            || !Uri.TryCreate(target, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            error = "--target is required: the host's http(s) URL, e.g. http://localhost:5000";
            return null;
        }

        if (options["--user"] is not { Length: > 0 } user)
        {
            error = "--user is required (a drill-controller or admin)";
            return null;
        }

        if (options["--password"] is not { } password)
        {
            error = "--password is required";
            return null;
        }

        return new ServerArguments(uri, user, password);
    }
}

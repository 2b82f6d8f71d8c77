namespace Monitoring.Cli;

/// <summary>
/// Value-less switches ("--loop", "--list"): taken out of the arguments before <see cref="CliOptions"/>
/// reads the rest, which are all "--name value".
/// </summary>
public static class CliFlags
{
    public static IReadOnlyList<string> Take(IReadOnlyList<string> arguments, string flag, out bool present)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        present = arguments.Contains(flag, StringComparer.Ordinal);
        return present ? arguments.Where(a => !string.Equals(a, flag, StringComparison.Ordinal)).ToList() : arguments;
    }
}

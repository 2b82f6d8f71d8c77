namespace Monitoring.Cli;

/// <summary>
/// "--name value" and "--name=value" options of one command, checked against the names it knows.
/// Kept tiny on purpose: commands need a handful of string options, not a parsing framework.
/// </summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CliOptions()
    {
    }

    public static bool TryParse(IReadOnlyList<string> arguments, IReadOnlyCollection<string> known, out CliOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(known);
        options = new CliOptions();
        error = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{argument}'";
                return false;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals >= 0 ? argument[..equals] : argument;
            if (!known.Contains(name))
            {
                error = $"unknown option '{name}'";
                return false;
            }

            string value;
            if (equals >= 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = arguments[++i];
            }
            else
            {
                error = $"option '{name}' needs a value";
                return false;
            }

            if (!options._values.TryAdd(name, value))
            {
                error = $"option '{name}' is given twice";
                return false;
            }
        }

        return true;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);
}

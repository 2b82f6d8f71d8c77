namespace Monitoring.Cli;

/// <summary>Process exit codes shared by every command, so scripts can tell a finding from a mistake.</summary>
public static class ExitCodes
{
    /// <summary>Done; nothing wrong found.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found a problem (e.g. a broken audit chain).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, or an input that could not be read (missing file, unreachable Redis).</summary>
    public const int Usage = 2;
}

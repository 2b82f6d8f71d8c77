namespace Monitoring.Host.Mdl;

public static class MdlKeys
{
    /// <summary>The live MdlGrain's key.</summary>
    public const string Live = "live";
}

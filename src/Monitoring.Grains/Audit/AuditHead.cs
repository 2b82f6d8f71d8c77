namespace Monitoring.Grains.Audit;

/// <summary>Where a chain continues: the index the next entry gets and h_{NextIndex−1} (the genesis hash when empty).</summary>
public sealed record AuditHead(long NextIndex, string LastHash)
{
    public static AuditHead Empty { get; } = new(0, AuditChain.GenesisHash);

    public static AuditHead After(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AuditHead(record.Index + 1, record.Hash);
    }
}

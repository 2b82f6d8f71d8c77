namespace Monitoring.Host.Incidents;

using Monitoring.Grains.Incidents;
using Monitoring.Host.Storage;

/// <summary>
/// Embedded mode's deadline registry: a table in monitoring.db (incident key → next wake-up, in UTC ticks
/// so the stored moment is exact). The table is this class's own; it creates it on first use.
/// </summary>
public sealed class SqliteDeadlineRegistry(SqliteDatabase database) : IDeadlineRegistry
{
    private const string CreateTable =
        """
        CREATE TABLE IF NOT EXISTS incident_deadline (
            incident_key TEXT NOT NULL PRIMARY KEY,
            next_ticks   INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    private volatile bool _tableReady;

    public async Task SetAsync(string incidentKey, DateTimeOffset? next, CancellationToken cancellationToken = default)
    {
        if (!_tableReady)
        {
            await using var _ = await OpenAsync(cancellationToken); // creates the table before the first write joins a group
        }

        // Joins the group writer (SqliteDatabase): a burst of incidents shares fsyncs with the sector commits.
        await database.WriteAsync(new DeadlineWrite(incidentKey, next, cancellationToken));
    }

    public async Task<IReadOnlyList<(string IncidentKey, DateTimeOffset Next)>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT incident_key, next_ticks FROM incident_deadline ORDER BY next_ticks;";
        var pending = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add((reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)));
        }

        return pending;
    }

    private async Task<Microsoft.Data.Sqlite.SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        if (!_tableReady)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = CreateTable;
            await create.ExecuteNonQueryAsync(cancellationToken);
            _tableReady = true;
        }

        return connection;
    }
}

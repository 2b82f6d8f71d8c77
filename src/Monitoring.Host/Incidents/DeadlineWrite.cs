namespace Monitoring.Host.Incidents;

using Microsoft.Data.Sqlite;
using Monitoring.Host.Storage;

/// <summary>An incident's next wake-up (or its removal) on its way into incident_deadline, in the group writer's transaction.</summary>
internal sealed class DeadlineWrite(string incidentKey, DateTimeOffset? next, CancellationToken cancellationToken) : SqliteWrite(cancellationToken)
{
    public override async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (next is { } at)
        {
            command.CommandText =
                """
                INSERT INTO incident_deadline (incident_key, next_ticks) VALUES ($key, $ticks)
                ON CONFLICT (incident_key) DO UPDATE SET next_ticks = excluded.next_ticks;
                """;
            command.Parameters.AddWithValue("$ticks", at.UtcTicks);
        }
        else
        {
            command.CommandText = "DELETE FROM incident_deadline WHERE incident_key = $key;";
        }

        command.Parameters.AddWithValue("$key", incidentKey);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

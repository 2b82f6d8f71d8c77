namespace Monitoring.Host.Storage;

/// <summary>The SQL that shapes monitoring.db. Every statement is idempotent, so it runs on each start.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// Per-connection settings. FULL makes every commit durable on disk, not only across a process crash:
    /// an acknowledged alert must survive a power cut too. No commit checkpoints the log itself:
    /// <see cref="SqliteCheckpointer"/> does, beside the writer.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;";

    public const string Create =
        """
        PRAGMA journal_mode = WAL;

        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            payload    BLOB NOT NULL,
            written_at TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS sector_head (
            sector_key TEXT NOT NULL PRIMARY KEY,
            last_seq   INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS sector_alert (
            sector_key TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            payload    TEXT NOT NULL,
            PRIMARY KEY (sector_key, seq)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS sector_track (
            sector_key TEXT NOT NULL,
            track_id   TEXT NOT NULL,
            payload    TEXT NOT NULL,
            PRIMARY KEY (sector_key, track_id)
        ) WITHOUT ROWID;
        """;
}

using Microsoft.Data.Sqlite;

namespace Catalog.Schema.Store;

/// <summary>
/// Tells cheaply whether the store changed since it last looked, whoever wrote: this process, an import in
/// another, another replica. It keeps one connection of its own and asks SQLite's <c>PRAGMA data_version</c>,
/// which changes exactly when another connection has committed; only then does it read the
/// <see cref="StoreVersion"/> again. That is a few microseconds per request instead of a query per cache.
/// </summary>
public sealed class StoreVersionMonitor(SqliteConnectionFactory connections) : IDisposable
{
    private const string VersionSql =
        "SELECT (SELECT IFNULL(MAX(change_number), 0) FROM change_log), (SELECT last_modified FROM store_state WHERE id = 1)";

    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private SqliteCommand? dataVersion;
    private SqliteCommand? version;
    private long seenDataVersion = -1;
    private StoreVersion current;

    /// <summary>The store's version now. Synchronous on purpose: both statements read SQLite's shared memory, never wait on IO.</summary>
    public StoreVersion Current()
    {
        lock (gate)
        {
            try
            {
                if (connection is null)
                    Open();
                var data = (long)dataVersion!.ExecuteScalar()!;
                if (data != seenDataVersion)
                {
                    using var reader = version!.ExecuteReader();
                    reader.Read();
                    current = new StoreVersion(reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
                    seenDataVersion = data;
                }
                return current;
            }
            catch (SqliteException)
            {
                // The next call starts over on a new connection (the file may have been replaced or locked).
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
            Close();
    }

    private void Close()
    {
        dataVersion?.Dispose();
        version?.Dispose();
        connection?.Dispose();
        connection = null;
        seenDataVersion = -1;
    }

    private void Open()
    {
        connection = connections.Open();
        dataVersion = connection.CreateCommand();
        dataVersion.CommandText = "PRAGMA data_version";
        dataVersion.Prepare();
        version = connection.CreateCommand();
        version.CommandText = VersionSql;
        version.Prepare();
    }
}

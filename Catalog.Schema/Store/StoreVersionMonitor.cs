using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Catalog.Schema.Store;

/// <summary>
/// Tells cheaply whether the store changed, whoever wrote: this process, an import in another, another
/// replica. It asks SQLite's <c>PRAGMA data_version</c>, which on a connection changes exactly when another
/// connection has committed since that connection last asked; only then is the <see cref="StoreVersion"/>
/// read again. That costs a few microseconds per request instead of a query per cache.
/// </summary>
/// <remarks>
/// Concurrent requests each take a probe (a connection with its statements) from a small pool rather than
/// queue on one: a single locked connection was a tenth of a search's time, spent spinning on the lock.
/// Each probe knows what it has seen; the version handed out only ever moves forward (change numbers and
/// the store's last modification never decrease), so a probe that saw nothing new may answer with a newer
/// version another probe read, never an older one.
/// </remarks>
public sealed class StoreVersionMonitor(SqliteConnectionFactory connections) : IDisposable
{
    private readonly ConcurrentBag<Probe> idle = [];
    private Newest newest = new(default);
    private int disposed;

    /// <summary>The store's version now. Synchronous on purpose: both statements read SQLite's shared memory, never wait on IO.</summary>
    public StoreVersion Current()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (!idle.TryTake(out var probe))
            probe = new Probe(connections);
        try
        {
            var seen = probe.Look();
            if (seen is { } read)
                Advance(read);
            var current = Volatile.Read(ref newest).Version;
            idle.Add(probe);
            if (Volatile.Read(ref disposed) != 0)
                DisposeIdleProbes();
            return current;
        }
        catch
        {
            // A probe that failed (the file replaced, a lock) is dropped; the next call opens a fresh one.
            probe.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
            DisposeIdleProbes();
    }

    // A probe handed back after Dispose is closed here too.
    private void DisposeIdleProbes()
    {
        while (idle.TryTake(out var probe))
            probe.Dispose();
    }

    private void Advance(StoreVersion read)
    {
        while (true)
        {
            var known = Volatile.Read(ref newest);
            if (!IsNewer(read, known.Version))
                return;
            if (Interlocked.CompareExchange(ref newest, new Newest(read), known) == known)
                return;
        }
    }

    private static bool IsNewer(StoreVersion a, StoreVersion b) =>
        a.ChangeNumber > b.ChangeNumber || (a.ChangeNumber == b.ChangeNumber && a.LastModifiedMilliseconds > b.LastModifiedMilliseconds);

    private sealed record Newest(StoreVersion Version);

    private sealed class Probe : IDisposable
    {
        private const string VersionSql =
            "SELECT (SELECT IFNULL(MAX(change_number), 0) FROM change_log), (SELECT last_modified FROM store_state WHERE id = 1)";

        private readonly SqliteConnection connection;
        private readonly SqliteCommand dataVersion;
        private readonly SqliteCommand version;
        private long seenDataVersion = -1;

        public Probe(SqliteConnectionFactory connections)
        {
            connection = connections.Open();
            dataVersion = connection.CreateCommand();
            dataVersion.CommandText = "PRAGMA data_version";
            dataVersion.Prepare();
            version = connection.CreateCommand();
            version.CommandText = VersionSql;
            version.Prepare();
        }

        /// <summary>The version, when something was committed since this probe last looked; else null.</summary>
        public StoreVersion? Look()
        {
            var data = (long)dataVersion.ExecuteScalar()!;
            if (data == seenDataVersion)
                return null;
            using var reader = version.ExecuteReader();
            reader.Read();
            var read = new StoreVersion(reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
            seenDataVersion = data;
            return read;
        }

        public void Dispose()
        {
            dataVersion.Dispose();
            version.Dispose();
            connection.Dispose();
        }
    }
}

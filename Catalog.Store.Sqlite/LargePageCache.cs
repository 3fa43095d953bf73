using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Sqlite;

/// <summary>
/// A page cache big enough for a whole-catalog write, for the length of that write. With SQLite's default
/// of 2 MB, a 100,000-listing import kept evicting and re-reading the pages of its indexes (url titles and
/// external keys arrive in no index order). The connection goes back to the pool with the default again, so
/// the memory is not kept.
/// </summary>
internal sealed class LargePageCache : IAsyncDisposable
{
    private const int WriteCacheKibibytes = 256 * 1024;

    private readonly SqliteConnection connection;
    private readonly long previous;

    private LargePageCache(SqliteConnection connection, long previous)
    {
        this.connection = connection;
        this.previous = previous;
    }

    public static async Task<LargePageCache> ApplyAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var previous = (long)(await read.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        await SetAsync(connection, -WriteCacheKibibytes, ct).ConfigureAwait(false);
        return new LargePageCache(connection, previous);
    }

    public async ValueTask DisposeAsync() => await SetAsync(connection, previous, CancellationToken.None).ConfigureAwait(false);

    private static async Task SetAsync(SqliteConnection connection, long size, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = {size.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}

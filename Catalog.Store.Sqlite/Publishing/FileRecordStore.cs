using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;

namespace Catalog.Store.Sqlite.Publishing;

/// <summary>
/// The <c>files</c> table: upload records, and the check packages make on the files they name. (Storing and
/// serving the bytes belongs to <c>Catalog.Server/Publishing/Files</c>.)
/// </summary>
public sealed class FileRecordStore(SqliteConnectionFactory connections, TimeProvider clock) : IFileRecordStore
{
    private const string Columns = """
        id AS Id, sha256 AS Sha256, content_type AS ContentType, size AS Size, filename AS Filename,
        publisher_id AS PublisherId, created_at AS CreatedAt
        """;

    /// <summary>Records the files of one upload request in one transaction: all of them or none.</summary>
    public async Task<IReadOnlyList<FileRecord>> AddAsync(int? publisherId, IReadOnlyList<NewFileRecord> files, CancellationToken ct)
    {
        var createdAt = clock.GetUtcNow();
        var at = StoreTime.ToText(createdAt);
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var records = new List<FileRecord>(files.Count);
        foreach (var file in files)
        {
            var id = await c.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO files (sha256, content_type, size, filename, publisher_id, created_at)
                VALUES (@Sha256, @ContentType, @Size, @Filename, @publisherId, @at) RETURNING id
                """, new { file.Sha256, file.ContentType, file.Size, file.Filename, publisherId, at }, tx, cancellationToken: ct)).ConfigureAwait(false);
            records.Add(new FileRecord
            {
                Id = (int)id, Sha256 = file.Sha256, ContentType = file.ContentType, Size = file.Size, Filename = file.Filename,
                PublisherId = publisherId, CreatedAt = StoreTime.Parse(at),
            });
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return records;
    }

    public async Task<FileRecord?> GetAsync(int id, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<FileRow>(new CommandDefinition(
            $"SELECT {Columns} FROM files WHERE id = @id", new { id }, cancellationToken: ct)).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <summary>
    /// The ids among <paramref name="ids"/> that name no file, or a file the owner may not use: a publisher's
    /// package may use only that publisher's files; a package without a publisher (operator-managed) any file.
    /// </summary>
    public async Task<IReadOnlyList<int>> FindUnusableAsync(int? ownerPublisherId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var usable = (await c.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM files WHERE id IN @ids AND (@ownerPublisherId IS NULL OR publisher_id = @ownerPublisherId)",
            new { ids, ownerPublisherId }, cancellationToken: ct)).ConfigureAwait(false)).Select(i => (int)i).ToHashSet();
        return ids.Where(i => !usable.Contains(i)).Distinct().ToList();
    }

    private sealed record FileRow(long Id, string Sha256, string ContentType, long Size, string Filename, long? PublisherId, string CreatedAt)
    {
        public FileRecord ToModel() => new()
        {
            Id = (int)Id, Sha256 = Sha256, ContentType = ContentType, Size = Size, Filename = Filename,
            PublisherId = (int?)PublisherId, CreatedAt = StoreTime.Parse(CreatedAt),
        };
    }
}

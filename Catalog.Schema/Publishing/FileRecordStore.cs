using Catalog.Schema.Store;
using Dapper;

namespace Catalog.Schema.Publishing;

/// <summary>
/// The <c>files</c> table as packages see it. (Uploading, storing and serving the bytes belongs to
/// <c>Catalog.Server/Publishing/Files</c>.)
/// </summary>
public sealed class FileRecordStore(SqliteConnectionFactory connections)
{
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

    /// <summary>The path a published file is served at; listings store it relative, the wire makes it absolute.</summary>
    public static string PublicPath(int fileId) => $"/files/{fileId}";
}

namespace Catalog.Schema.Publishing;

/// <summary>Records of uploaded files; the bytes themselves live in the server's file storage.</summary>
public interface IFileRecordStore
{
    /// <summary>Records the files of one upload request in one transaction: all of them or none.</summary>
    Task<IReadOnlyList<FileRecord>> AddAsync(int? publisherId, IReadOnlyList<NewFileRecord> files, CancellationToken ct);

    Task<FileRecord?> GetAsync(int id, CancellationToken ct);

    /// <summary>The ids among <paramref name="ids"/> that do not exist or belong to another publisher.</summary>
    Task<IReadOnlyList<int>> FindUnusableAsync(int? ownerPublisherId, IReadOnlyCollection<int> ids, CancellationToken ct);
}

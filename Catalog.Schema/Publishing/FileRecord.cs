namespace Catalog.Schema.Publishing;

/// <summary>
/// One upload: the bytes live in file storage under <see cref="Sha256"/> (shared by every upload of the same
/// bytes); the row says what they are, under which name and whose they are (no publisher: the operator's).
/// </summary>
public sealed record FileRecord
{
    public required int Id { get; init; }

    /// <summary>Lowercase hex SHA-256 of the bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The type recognised from the bytes, never the one the uploader declared.</summary>
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required string Filename { get; init; }
    public int? PublisherId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A file to record: what <see cref="FileRecordStore.AddAsync"/> needs before the row has an id.</summary>
public sealed record NewFileRecord(string Sha256, string ContentType, long Size, string Filename);

namespace Catalog.Schema.Store;

/// <summary>
/// A content write would make a second market or category with one slug, or (for a write that only creates) meet an
/// item already stored. Checked inside the write's transaction, so two writers racing cannot both pass; the whole
/// write is rolled back.
/// </summary>
public sealed class ContentConflictException(string field, string message) : Exception(message)
{
    /// <summary>The source field at fault: <c>slug</c> or <c>url</c>.</summary>
    public string Field { get; } = field;
}

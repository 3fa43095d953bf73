namespace Catalog.Schema.Import;

/// <summary>One thing an importer skipped or repaired.</summary>
/// <param name="Source">The file the item came from.</param>
/// <param name="Key">The item's <c>_id</c>, or <c>line N</c> when the line has none.</param>
public sealed record ImportIssue(ImportIssueKind Kind, string Source, string Key, string Reason)
{
    public override string ToString() => $"{Kind} {Source} {Key}: {Reason}";
}

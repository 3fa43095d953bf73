namespace Catalog.Schema.Import;

/// <summary>Everything an import skipped or repaired, in the order it was met.</summary>
public sealed class ImportReport(IReadOnlyList<ImportIssue> issues)
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;

    public bool IsClean => Issues.Count == 0;

    public int Count(ImportIssueKind kind) => Issues.Count(issue => issue.Kind == kind);

    public IReadOnlyDictionary<ImportIssueKind, int> CountsByKind() =>
        Issues.GroupBy(issue => issue.Kind).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count());

    public IEnumerable<ImportIssue> Of(ImportIssueKind kind) => Issues.Where(issue => issue.Kind == kind);

    public override string ToString() =>
        IsClean ? "no issues" : string.Join(", ", CountsByKind().Select(pair => $"{pair.Key} {pair.Value}"));
}

namespace Catalog.Schema.Import;

/// <summary>Collects issues during one import; a fresh log per import keeps reads independent.</summary>
internal sealed class ImportIssueLog
{
    private readonly List<ImportIssue> issues = [];

    public void Add(ImportIssueKind kind, string source, string key, string reason) =>
        issues.Add(new ImportIssue(kind, source, key, reason));

    public ImportReport ToReport() => new([.. issues]);
}

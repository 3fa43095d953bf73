namespace Catalog.Schema.Import;

/// <summary>The raw lines of one export file; reading and converting are separate so both read paths share one converter.</summary>
internal sealed record ExportFile(string Name, IReadOnlyList<string> Lines);

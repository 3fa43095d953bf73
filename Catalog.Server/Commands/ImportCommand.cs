using Catalog.Schema.Import;
using Catalog.Schema.Store;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>import DIR</c>: loads the 2019 Eclipse Marketplace export through the content write path, so that a
/// second run changes nothing, and reports what it skipped and why.
/// </summary>
public sealed class ImportCommand : ICatalogCommand
{
    private const int IssuesShown = 20;

    public string Name => "import";
    public const string KeepCatalogUrls = "--keep-catalog-urls";

    public string Synopsis => "import DIR [--keep-catalog-urls]";
    public string Description => """
        Imports the 2019 Eclipse Marketplace export in DIR.
        DIR holds listings.jsonl.gz and the other *.jsonl.gz files. Prints what it skipped or repaired and why, and what it changed. Running it twice changes nothing;
        nothing absent from the export is deleted. The search index follows the store at the next start, or
        within Catalog:Indexing:PollMilliseconds on a running server.
        Imported catalogs become this server's own (their url is replaced by its public base URL, and reported);
        --keep-catalog-urls keeps the export's urls, so an IDE choosing such a catalog switches to that server.
        """;

    public IReadOnlyCollection<string> Switches => [KeepCatalogUrls];

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Arguments.Count != 1)
            return context.UsageError(context.Arguments.Count == 0
                ? "import needs the folder holding listings.jsonl.gz and the other export files."
                : "import takes one folder.");
        var directory = context.Arguments[0];
        await using var host = await context.OpenHostAsync();
        var started = context.Clock.GetTimestamp();
        Marketplace2019Import import;
        try
        {
            import = await new Marketplace2019Reader { KeepCatalogUrls = context.Switches.Contains(KeepCatalogUrls) }.ReadAsync(directory, context.Cancellation);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"Cannot read the export: {e.Message}");
            return ExitCodes.Failed;
        }
        var content = import.Content;
        context.Out.WriteLine($"Read {content.Listings.Count} listings, {content.Markets.Count} markets, " +
                              $"{content.Categories.Count} categories, {content.Catalogs.Count} catalogs in {CommandContext.Seconds(context.Clock.GetElapsedTime(started))}.");
        foreach (var (kind, count) in import.Report.CountsByKind())
            context.Out.WriteLine($"  skipped or repaired: {kind} x{count}");
        // What happened to the catalogs changes where an IDE goes, so each is shown; the rest by sample.
        var (catalogIssues, otherIssues) = (import.Report.Issues.Where(IsAboutCatalogs).ToList(), import.Report.Issues.Where(issue => !IsAboutCatalogs(issue)).ToList());
        foreach (var issue in catalogIssues.Concat(otherIssues.Take(IssuesShown)))
            context.Out.WriteLine($"    {issue.Kind} {issue.Source} {issue.Key}: {issue.Reason}");
        if (otherIssues.Count > IssuesShown)
            context.Out.WriteLine($"    ... and {otherIssues.Count - IssuesShown} more");

        var progress = context.StartProgress("written", "listings", content.Listings.Count);
        var result = await host.Get<ICatalogContentWriter>().WriteAsync(content, progress, context.Cancellation);
        progress.Complete();
        PrintResult(context.Out, result);
        context.Out.WriteLine($"Imported {content.Listings.Count} listings in {CommandContext.Seconds(context.Clock.GetElapsedTime(started))}.");
        return ExitCodes.Ok;
    }

    private static bool IsAboutCatalogs(ImportIssue issue) =>
        issue.Kind is ImportIssueKind.CatalogUrlReplaced or ImportIssueKind.UnusableIconHost;

    public static void PrintResult(TextWriter output, ContentWriteResult result)
    {
        output.WriteLine($"Listings: {result.ListingsAdded} added, {result.ListingsUpdated} updated, {result.ListingsUnchanged} unchanged; " +
                         $"taxonomy changes {result.TaxonomyChanges}, catalogs {result.CatalogChanges}, featured {result.FeaturedChanges}, news {result.NewsChanges}.");
        foreach (var warning in result.Warnings)
            output.WriteLine($"  warning: {warning}");
        output.WriteLine(result.ChangedAnything ? $"Change number now {result.ChangeNumber}." : "Nothing changed.");
    }
}

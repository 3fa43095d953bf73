using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Catalog.Schema.Import;

/// <summary>
/// Reads the December 2019 export of the Eclipse Marketplace (<c>*.jsonl.gz</c>, one JSON document a line) into
/// catalog content. A broken document is reported in <see cref="Marketplace2019Import.Report"/> and skipped or
/// repaired; only a missing or unreadable file stops the import, since then nothing about the rest can be trusted.
/// </summary>
public sealed class Marketplace2019Reader
{
    public const string ListingsFile = "listings.jsonl.gz";
    public const string VersionsFile = "listing_versions.jsonl.gz";
    public const string CategoriesFile = "categories.jsonl.gz";
    public const string MarketsFile = "markets.jsonl.gz";
    public const string CatalogsFile = "catalogs.jsonl.gz";

    private static readonly ImmutableArray<string> FileNames = [ListingsFile, VersionsFile, CategoriesFile, MarketsFile, CatalogsFile];

    /// <summary>Keep the catalogs' own url (another server's) instead of making them this server's catalogs.</summary>
    public bool KeepCatalogUrls { get; init; }

    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the five files is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is not readable gzip; the message names it.</exception>
    public Marketplace2019Import Read(string directory, CancellationToken ct = default)
    {
        CheckFiles(directory);
        var files = FileNames.ToDictionary(name => name, name => ReadLines(directory, name, ct));
        return Convert(files, ct);
    }

    /// <inheritdoc cref="Read"/>
    public async Task<Marketplace2019Import> ReadAsync(string directory, CancellationToken ct = default)
    {
        CheckFiles(directory);
        var files = new Dictionary<string, ExportFile>();
        foreach (var name in FileNames)
            files.Add(name, await ReadLinesAsync(directory, name, ct).ConfigureAwait(false));
        return Convert(files, ct);
    }

    private Marketplace2019Import Convert(IReadOnlyDictionary<string, ExportFile> files, CancellationToken ct) =>
        new Marketplace2019Converter(KeepCatalogUrls, ct).Convert(new Marketplace2019Export(
            files[ListingsFile], files[VersionsFile], files[CategoriesFile], files[MarketsFile], files[CatalogsFile]));

    // All files are checked before any is read, so one error names every missing file at once.
    private static void CheckFiles(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The 2019 marketplace export directory '{directory}' does not exist.");
        var missing = FileNames.Where(name => !File.Exists(Path.Combine(directory, name))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"The 2019 marketplace export in '{directory}' lacks {string.Join(", ", missing)}.",
                Path.Combine(directory, missing[0]));
        }
    }

    private static ExportFile ReadLines(string directory, string name, CancellationToken ct)
    {
        var path = Path.Combine(directory, name);
        var lines = new List<string>();
        try
        {
            using var reader = OpenText(path);
            while (reader.ReadLine() is { } line)
            {
                ct.ThrowIfCancellationRequested();
                lines.Add(line);
            }
        }
        catch (InvalidDataException e)
        {
            throw Unreadable(path, e);
        }
        return new ExportFile(name, lines);
    }

    private static async Task<ExportFile> ReadLinesAsync(string directory, string name, CancellationToken ct)
    {
        var path = Path.Combine(directory, name);
        var lines = new List<string>();
        try
        {
            using var reader = OpenText(path, useAsync: true);
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                lines.Add(line);
        }
        catch (InvalidDataException e)
        {
            throw Unreadable(path, e);
        }
        return new ExportFile(name, lines);
    }

    private static StreamReader OpenText(string path, bool useAsync = false)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync);
        // Invalid UTF-8 becomes U+FFFD rather than an exception: one bad byte must not cost the file.
        return new StreamReader(new GZipStream(file, CompressionMode.Decompress), new UTF8Encoding(false, false));
    }

    private static InvalidDataException Unreadable(string path, InvalidDataException inner) =>
        new($"'{path}' of the 2019 marketplace export is not readable gzip: {inner.Message}", inner);
}

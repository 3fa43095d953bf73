using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Search;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Search;

/// <summary>A <see cref="LuceneSearchIndex"/> in its own temporary folder, deleted on dispose.</summary>
internal sealed class TemporarySearchIndex : IAsyncDisposable
{
    private TemporarySearchIndex(string folder)
    {
        Folder = folder;
        Index = Open(folder);
    }

    public string Folder { get; }

    public string IndexPath => Path.Combine(Folder, "index");

    public LuceneSearchIndex Index { get; private set; }

    public static async Task<TemporarySearchIndex> CreateAsync(IReadOnlyList<Listing>? listings = null, long changeNumber = 1)
    {
        var index = new TemporarySearchIndex(Directory.CreateTempSubdirectory("catalog-search-tests-").FullName);
        if (listings is not null)
            await index.Index.IndexAsync(listings, changeNumber, CancellationToken.None);
        return index;
    }

    /// <summary>Closes the index and opens the folder again, as a restart would.</summary>
    public async Task ReopenAsync(Action<string>? whileClosed = null)
    {
        await Index.DisposeAsync();
        whileClosed?.Invoke(IndexPath);
        Index = Open(Folder);
    }

    public SearchResult Search(
        string text,
        IReadOnlyList<int>? terms = null,
        IReadOnlyList<string>? statuses = null,
        IReadOnlyList<string>? licenses = null,
        EclipseRelease? release = null,
        int offset = 0,
        int limit = 10) =>
        Index.Search(new SearchRequest(text, terms ?? [], statuses ?? [], licenses ?? [], release, null, offset, limit));

    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test that owned it.
        }
    }

    private static LuceneSearchIndex Open(string folder) =>
        new(Options.Create(new SearchOptions { IndexPath = Path.Combine(folder, "index") }), ReleaseTable.Default);
}

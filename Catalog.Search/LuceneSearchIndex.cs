using System.Globalization;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Catalog.Search;

/// <summary>
/// The search index: one folder, one <see cref="IndexWriter"/> and a near-real-time <see cref="SearcherManager"/>
/// opened from it (lucenenet's SearcherManager idiom). Register it as a singleton; it serves both sides.
/// </summary>
/// <remarks>
/// The index is derived from the store, so it is never repaired: an index that is missing, unreadable or in an
/// older format is replaced by an empty one whose <see cref="IndexedChangeNumber"/> is 0, and the caller rebuilds.
/// </remarks>
public sealed class LuceneSearchIndex : ISearchIndexer, ISearchService, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// Bump whenever documents or analysis change, so an index written by an older build is rebuilt rather
    /// than searched with tokens it does not contain.
    /// </summary>
    public const int FormatVersion = 2;

    private const string FormatKey = "catalog.format";
    private const string ChangeNumberKey = "catalog.change";

    /// <summary>The store the documents came from (<see cref="StoreId"/>).</summary>
    private const string StoreKey = "catalog.store";

    /// <summary>Not a Lucene file name, so recreating the index never deletes it.</summary>
    private const string ProcessLockFile = "catalog.lock";

    private readonly ReleaseTable releases;
    private readonly CatalogAnalyzer analyzer = new();
    private readonly SearchQueryBuilder queries;
    private readonly FileStream processLock;
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    // One write batch at a time, so a commit's change number describes exactly the documents it holds.
    private readonly SemaphoreSlim writeLock = new(1, 1);

    private long indexedChangeNumber;
    private string? storeId;
    private int disposed;

    public LuceneSearchIndex(IOptions<SearchOptions> options, ReleaseTable releases)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.releases = releases ?? throw new ArgumentNullException(nameof(releases));
        queries = new SearchQueryBuilder(analyzer);
        if (string.IsNullOrWhiteSpace(options.Value.IndexPath))
            throw new InvalidOperationException($"{SearchOptions.Section}:IndexPath names no folder.");
        IndexPath = Path.GetFullPath(options.Value.IndexPath);
        System.IO.Directory.CreateDirectory(IndexPath);
        processLock = LockAgainstOtherProcesses(IndexPath);
        directory = FSDirectory.Open(IndexPath);
        try
        {
            (writer, searchers, indexedChangeNumber, storeId) = OpenOrRecreate(out var reason);
            RecreatedBecause = reason;
        }
        catch
        {
            directory.Dispose();
            analyzer.Dispose();
            processLock.Dispose();
            throw;
        }
    }

    public string IndexPath { get; }

    /// <summary>Why an existing index was thrown away on opening (for the host to log); null when it was kept or there was none.</summary>
    public string? RecreatedBecause { get; }

    public long IndexedChangeNumber => Interlocked.Read(ref indexedChangeNumber);

    public string? StoreId => Volatile.Read(ref storeId);

    public Task IndexAsync(IReadOnlyList<Listing> listings, long changeNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listings);
        return WriteAsync(() =>
        {
            foreach (var listing in listings)
            {
                ct.ThrowIfCancellationRequested();
                writer.UpdateDocument(new Term(SearchFields.Id, ListingDocument.IdText(listing.Id)), ListingDocument.Create(listing, releases));
            }
            CommitAndRefresh(Math.Max(IndexedChangeNumber, changeNumber), StoreId);
            return Task.CompletedTask;
        }, ct);
    }

    public Task DeleteAsync(IReadOnlyList<int> ids, long changeNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return WriteAsync(() =>
        {
            if (ids.Count > 0)
                writer.DeleteDocuments(ids.Select(id => new Term(SearchFields.Id, ListingDocument.IdText(id))).ToArray());
            CommitAndRefresh(Math.Max(IndexedChangeNumber, changeNumber), StoreId);
            return Task.CompletedTask;
        }, ct);
    }

    public Task RebuildAsync(IAsyncEnumerable<Listing> all, long changeNumber, string storeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        return WriteAsync(async () =>
        {
            var completed = false;
            try
            {
                writer.DeleteAll();
                await foreach (var listing in all.WithCancellation(ct).ConfigureAwait(false))
                    writer.UpdateDocument(new Term(SearchFields.Id, ListingDocument.IdText(listing.Id)), ListingDocument.Create(listing, releases));
                // One segment: every query pays per segment (term lookups, scorers, collectors), and a full
                // rebuild of 100,000 listings otherwise leaves seven.
                writer.ForceMerge(1);
                CommitAndRefresh(changeNumber, storeId);
                completed = true;
            }
            finally
            {
                // Rollback would close the one writer, so a half-built index is committed instead, marked as
                // reflecting nothing: the caller's next catch-up sees 0 and rebuilds again.
                if (!completed)
                    CommitAndRefresh(0, null);
            }
        }, ct);
    }

    /// <summary>Runs one write to the index at a time, on an index that is not disposed (checked again once the turn comes).</summary>
    private async Task WriteAsync(Func<Task> write, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            await write().ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public SearchIndexStatistics GetStatistics()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var searcher = searchers.Acquire();
        int documents;
        try
        {
            documents = searcher.IndexReader.NumDocs;
        }
        finally
        {
            searchers.Release(searcher);
        }
        return new SearchIndexStatistics(documents, SizeOnDisk(IndexPath), IndexedChangeNumber);
    }

    /// <summary>
    /// The listings in the last commit of the index at <paramref name="indexPath"/>, read-only: nothing is
    /// created, recreated or locked, so this is safe beside a running server and on a damaged index.
    /// </summary>
    public static SearchIndexContents ReadContents(string indexPath)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        var path = Path.GetFullPath(indexPath);
        if (!System.IO.Directory.Exists(path))
            return new SearchIndexContents(0, [], $"there is no index at {path}");
        using var readDirectory = FSDirectory.Open(path);
        if (!HasCommit(readDirectory))
            return new SearchIndexContents(0, [], $"there is no index at {path}");
        try
        {
            using var reader = DirectoryReader.Open(readDirectory);
            var userData = reader.IndexCommit.UserData;
            if (Outdated(userData, out var changeNumber) is { } reason)
                return new SearchIndexContents(0, [], $"the index will be rebuilt at the next start: {reason}");
            var liveDocs = MultiFields.GetLiveDocs(reader);
            var fields = new HashSet<string> { SearchFields.Id, SearchFields.Fingerprint };
            var listings = new List<IndexedListing>(reader.NumDocs);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (liveDocs is not null && !liveDocs.Get(doc))
                    continue;
                var stored = reader.Document(doc, fields);
                var id = int.Parse(stored.Get(SearchFields.Id), NumberStyles.None, CultureInfo.InvariantCulture);
                listings.Add(new IndexedListing(id, stored.Get(SearchFields.Fingerprint) ?? ""));
            }
            return new SearchIndexContents(changeNumber, listings, null) { StoreId = StoreOf(userData) };
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return new SearchIndexContents(0, [], $"the index is unreadable ({e.GetType().Name}: {e.Message})");
        }
    }

    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit);
        var plan = queries.Build(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

        var searcher = searchers.Acquire();
        try
        {
            var result = Run(searcher, plan.Query, plan.Sort, request.Offset, request.Limit);
            if (result.TotalCount == 0 && plan.Fallback is not null && request.TypoTolerant)
                result = Run(searcher, plan.Fallback, plan.Sort, request.Offset, request.Limit);
            return result;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        // Waits for a write in progress, so the writer is not closed under it; writes queued behind this
        // one find the index disposed once they get the lock.
        writeLock.Wait();
        try
        {
            Close();
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        await writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            Close();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private void Close()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        analyzer.Dispose();
        processLock.Dispose();
    }

    /// <summary>
    /// Lucene.Net's write.lock does not keep a second process out on Linux, and two writers destroy each other's
    /// segments. An exclusive handle (an OS file lock) on a file of our own does: a second server or a reindex
    /// beside a running server fails here instead.
    /// </summary>
    private static FileStream LockAgainstOtherProcesses(string indexPath)
    {
        try
        {
            return new FileStream(Path.Combine(indexPath, ProcessLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldByAnotherProcess(e))
        {
            throw new LockObtainFailedException($"The search index at {indexPath} is open in another process.", e);
        }
    }

    /// <summary>
    /// A lock another process holds (EWOULDBLOCK on Unix, a sharing violation on Windows), as opposed to a
    /// folder that cannot be written, which is the operator's other common mistake and must not read as this.
    /// </summary>
    private static bool IsHeldByAnotherProcess(IOException e)
    {
        const int SharingViolation = unchecked((int)0x80070020);
        const int WouldBlockLinux = 11, WouldBlockMac = 35;
        return e.HResult is SharingViolation or WouldBlockLinux or WouldBlockMac;
    }

    private static SearchResult Run(IndexSearcher searcher, Query query, Sort sort, int offset, int limit)
    {
        // Never ask Lucene for more hits than there are documents: a page number far past the end must not
        // allocate a huge priority queue.
        var wanted = (int)Math.Max(1, Math.Min((long)offset + limit, searcher.IndexReader.MaxDoc));
        var top = searcher.Search(query, null, wanted, sort, doDocScores: false, doMaxScore: false);
        var end = Math.Min(top.ScoreDocs.Length, (long)offset + limit);
        var ids = new List<int>(Math.Max(0, (int)(end - offset)));
        for (var i = offset; i < end; i++)
        {
            var idText = searcher.Doc(top.ScoreDocs[i].Doc).Get(SearchFields.Id);
            ids.Add(int.Parse(idText, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        return new SearchResult(top.TotalHits, ids);
    }

    private void CommitAndRefresh(long changeNumber, string? store)
    {
        writer.SetCommitData(CommitData(changeNumber, store));
        writer.Commit();
        // Searchable before claimed: whoever reads the change number (readiness) finds its documents.
        searchers.MaybeRefreshBlocking();
        Volatile.Write(ref storeId, store);
        Interlocked.Exchange(ref indexedChangeNumber, changeNumber);
    }

    private static Dictionary<string, string> CommitData(long changeNumber, string? store)
    {
        var data = new Dictionary<string, string>
        {
            [FormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            [ChangeNumberKey] = changeNumber.ToString(CultureInfo.InvariantCulture),
        };
        if (store is not null)
            data[StoreKey] = store;
        return data;
    }

    private static string? StoreOf(IDictionary<string, string> userData) =>
        userData.TryGetValue(StoreKey, out var store) && store.Length > 0 ? store : null;

    private (IndexWriter Writer, SearcherManager Searchers, long ChangeNumber, string? StoreId) OpenOrRecreate(out string? recreatedBecause)
    {
        recreatedBecause = null;
        if (HasCommit(directory))
        {
            try
            {
                var infos = new SegmentInfos();
                infos.Read(directory);
                recreatedBecause = Outdated(infos.UserData, out var changeNumber);
                if (recreatedBecause is null)
                    return Open(OpenMode.CREATE_OR_APPEND, changeNumber, StoreOf(infos.UserData));
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                recreatedBecause = $"unreadable ({e.GetType().Name}: {e.Message})";
            }
        }
        DeleteIndexFiles(directory);
        return Open(OpenMode.CREATE, 0, null);
    }

    private (IndexWriter, SearcherManager, long, string?) Open(OpenMode mode, long changeNumber, string? store)
    {
        var config = new IndexWriterConfig(CatalogAnalyzer.Version, analyzer) { OpenMode = mode };
        var openedWriter = new IndexWriter(directory, config);
        try
        {
            if (mode == OpenMode.CREATE)
            {
                openedWriter.SetCommitData(CommitData(changeNumber, store));
                openedWriter.Commit();
            }
            // Opening the searcher reads every segment, so a damaged segment fails here rather than in a search.
            return (openedWriter, new SearcherManager(openedWriter, applyAllDeletes: true, searcherFactory: null), changeNumber, store);
        }
        catch
        {
            openedWriter.Dispose();
            throw;
        }
    }

    /// <summary>Null when the commit is in this build's format, else why it is not.</summary>
    private static string? Outdated(IDictionary<string, string>? userData, out long changeNumber)
    {
        changeNumber = 0;
        if (userData is null
            || !userData.TryGetValue(FormatKey, out var formatText)
            || !int.TryParse(formatText, NumberStyles.None, CultureInfo.InvariantCulture, out var format))
        {
            return "it records no format version";
        }
        if (format != FormatVersion)
            return $"its format version is {format}, this build writes {FormatVersion}";
        if (!userData.TryGetValue(ChangeNumberKey, out var changeText)
            || !long.TryParse(changeText, NumberStyles.None, CultureInfo.InvariantCulture, out changeNumber))
        {
            return "it records no change number";
        }
        return null;
    }

    /// <summary>Files vanish while segments merge; a file gone between listing and measuring counts as 0.</summary>
    private static long SizeOnDisk(string path)
    {
        long total = 0;
        foreach (var file in new DirectoryInfo(path).EnumerateFiles())
        {
            try
            {
                total += file.Length;
            }
            catch (FileNotFoundException)
            {
            }
        }
        return total;
    }

    private static bool HasCommit(LuceneDirectory directory) =>
        directory.ListAll().Any(name => name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal));

    /// <summary>
    /// Damage shows as any of these, depending on where the garbage is. A lock held by another writer is not
    /// damage: deleting files under a live writer would destroy a good index.
    /// </summary>
    private static bool IsUnreadable(Exception e) =>
        e is not LockObtainFailedException
        && e is IOException or InvalidDataException or FormatException or ArgumentException
            or IndexOutOfRangeException or OverflowException or InvalidOperationException;

    // Only Lucene's own files: the configured folder may hold something else beside the index.
    private static void DeleteIndexFiles(LuceneDirectory directory)
    {
        foreach (var name in directory.ListAll())
        {
            if (name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal) || name.StartsWith('_'))
                directory.DeleteFile(name);
        }
    }
}

using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Protocol.Caching;

/// <summary>
/// The work done once per store version (ARCHITECTURE.md, "the wire is written once per variant"): whole
/// answers by request, node XML by listing and variant, and the category list. Every key holds the
/// <see cref="StoreVersion"/> it was made at, so a write anywhere (another process included) makes the next
/// request miss and build a fresh answer; entries of old versions are never found again and age out of the
/// size-bounded cache.
/// </summary>
public sealed class ProtocolCache : IDisposable
{
    // What an entry costs beyond its bytes: the key, the entry object, the dictionary slot.
    private const int EntryOverhead = 256;

    private readonly MemoryCache? cache;
    private CategoriesAt? categories;

    public ProtocolCache(IOptions<ProtocolCacheOptions> options)
    {
        var megabytes = options.Value.MaxMegabytes;
        if (megabytes > 0)
            cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L, CompactionPercentage = 0.25 });
    }

    public bool TryGetAnswer(AnswerKey key, out XmlResponse answer)
    {
        answer = null!;
        return cache is not null && cache.TryGetValue(key, out answer!);
    }

    public void SetAnswer(AnswerKey key, XmlResponse answer) =>
        cache?.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Body.Length + key.Request.Length * 2 + EntryOverhead });

    public bool TryGetNode(NodeKey key, out byte[] xml)
    {
        xml = null!;
        return cache is not null && cache.TryGetValue(key, out xml!);
    }

    public void SetNode(NodeKey key, byte[] xml) =>
        cache?.Set(key, xml, new MemoryCacheEntryOptions { Size = xml.Length + EntryOverhead });

    /// <summary>Categories by id as of <paramref name="version"/>; read from the store once per change number.</summary>
    public async Task<IReadOnlyDictionary<int, Category>> CategoriesAsync(StoreVersion version, ICatalogStore store, CancellationToken ct)
    {
        if (Volatile.Read(ref categories) is { } known && known.ChangeNumber == version.ChangeNumber)
            return known.ById;
        var loaded = (await store.GetCategoriesAsync(ct)).ToDictionary(c => c.Id);
        Volatile.Write(ref categories, new CategoriesAt(version.ChangeNumber, loaded));
        return loaded;
    }

    /// <summary>
    /// Data that only content writes change (markets, category counts), kept per change number so that
    /// install counters, which move the store version on every install, do not make it be read again.
    /// </summary>
    public async Task<T> PerChangeNumberAsync<T>(string what, long changeNumber, Func<Task<T>> load) where T : class
    {
        var key = new ChangeNumberKey(what, changeNumber);
        if (cache is not null && cache.TryGetValue(key, out T? known) && known is not null)
            return known;
        var loaded = await load();
        cache?.Set(key, loaded, new MemoryCacheEntryOptions { Size = 16 * EntryOverhead });
        return loaded;
    }

    public void Dispose() => cache?.Dispose();

    private readonly record struct ChangeNumberKey(string What, long ChangeNumber);

    private sealed record CategoriesAt(long ChangeNumber, IReadOnlyDictionary<int, Category> ById);
}

/// <summary>A whole answer: the store version, the public base URL its links use, and the request path and query.</summary>
public readonly record struct AnswerKey(StoreVersion Version, string BaseUrl, string Request);

/// <summary>
/// One listing's <c>node</c> element as a client sees it. The client's release index (-1: none) and platform
/// decide the solution version shown, so they stand for it without loading the listing; the public base URL
/// is in every link, and the nesting depth sets the indentation.
/// </summary>
public readonly record struct NodeKey(int ListingId, StoreVersion Version, int ReleaseIndex, string Platform, string BaseUrl, int Depth);

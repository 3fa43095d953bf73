using Catalog.Schema.Store;
using Catalog.Server.Hosting;

namespace Catalog.Server.Protocol.Caching;

/// <summary>
/// Endpoint filter for read-only protocol groups: answers a request from the answer prepared for the same
/// path and query at the same store version and public base URL, else lets the handler answer and keeps a
/// successful answer. The query is part of the key whole, so whatever the handler reads from it (release,
/// os, client, ids) is covered.
/// </summary>
public sealed class ProtocolAnswerCache(ProtocolCache cache, IStoreVersionSource monitor, PublicBaseUrl baseUrl) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var key = new AnswerKey(monitor.Current(), baseUrl.For(request), request.Path.Value + request.QueryString.Value);
        if (cache.TryGetAnswer(key, out var answer))
            return answer;
        var result = await next(context);
        // The handler read the store at this version or a newer one; a newer answer under an older key is
        // only ever found by requests that started before the write, for which it is as good.
        if (result is XmlResponse { StatusCode: StatusCodes.Status200OK } fresh)
            cache.SetAnswer(key, fresh);
        return result;
    }
}

public static class ProtocolAnswerCacheExtensions
{
    /// <summary>Serves the group's answers from <see cref="ProtocolCache"/>; only for endpoints that write nothing.</summary>
    public static RouteGroupBuilder CacheAnswers(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<RouteGroupBuilder, ProtocolAnswerCache>();
}

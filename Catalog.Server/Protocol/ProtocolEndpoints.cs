using Catalog.Server.Protocol.Caching;

namespace Catalog.Server.Protocol;

public static class ProtocolEndpoints
{
    /// <summary>Every read and report endpoint of the Eclipse Marketplace protocol.</summary>
    public static IEndpointRouteBuilder MapCatalogProtocol(this IEndpointRouteBuilder routes)
    {
        // Search composes cached node XML instead (its queries are too many to keep whole answers of).
        routes.MapTaxonomyEndpoints().CacheAnswers();
        routes.MapNodeEndpoints().CacheAnswers();
        routes.MapListEndpoints().CacheAnswers();
        routes.MapSearchEndpoints();
        routes.MapInstallEndpoints();
        return routes;
    }
}

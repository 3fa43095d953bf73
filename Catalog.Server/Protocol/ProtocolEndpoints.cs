namespace Catalog.Server.Protocol;

public static class ProtocolEndpoints
{
    /// <summary>Every read and report endpoint of the Eclipse Marketplace protocol.</summary>
    public static IEndpointRouteBuilder MapCatalogProtocol(this IEndpointRouteBuilder routes)
    {
        routes.MapTaxonomyEndpoints();
        routes.MapNodeEndpoints();
        routes.MapListEndpoints();
        routes.MapSearchEndpoints();
        routes.MapInstallEndpoints();
        return routes;
    }
}

using Catalog.Server.Protocol;

namespace Catalog.Server.Pages;

/// <summary>The web pages for people: the protocol's URLs without <c>/api/p</c>, rendered on the server.</summary>
public static class CatalogPages
{
    public static IServiceCollection AddCatalogPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<DescriptionSanitizer>();
        services.AddSingleton<PageAssets>();
        services.AddSingleton<PageFrames>();
        return services;
    }

    /// <summary>Every page; security headers and HTML error pages are the group's policy.</summary>
    public static RouteGroupBuilder MapCatalogPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Pages").ExcludeFromDescription().AddEndpointFilter<PageErrors>();
        group.MapHomePages();
        group.MapBrowsePages();
        group.MapNodePages();
        group.MapSearchPages();
        group.MapMethods(PageRoutes.Stylesheet, ProtocolRoutes.GetOrHead, PageAssets.GetStylesheet);
        return group;
    }
}

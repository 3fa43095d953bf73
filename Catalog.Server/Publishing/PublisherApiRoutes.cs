namespace Catalog.Server.Publishing;

/// <summary>Route patterns of /rest/v1, relative to the group prefix.</summary>
public static class PublisherApiRoutes
{
    public const string Prefix = "/rest/v1";

    public const string SessionToken = "/app/session/token";
    public const string Apps = "/apps";
    public const string App = "/apps/{appId}";
    public const string Users = "/users";
    public const string User = "/users/{id:int}";
    public const string Packages = "/products/packages";
    public const string Package = "/products/packages/{id:int}";
    public const string PackageStatus = "/products/packages/{id:int}/status";
    public const string Approvals = "/approvals";
    public const string Markets = "/markets";
    public const string Market = "/markets/{id:int}";
    public const string Categories = "/categories";
    public const string Category = "/categories/{id:int}";
    public const string Catalogs = "/catalogs";
    public const string Catalog = "/catalogs/{id:int}";
    public const string FeaturedList = "/featured";
    public const string FeaturedEntry = "/featured/{id:int}";
    public const string NewsList = "/news";
    public const string NewsItem = "/news/{id:int}";

    public static bool IsPublisherApiPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}

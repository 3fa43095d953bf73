using Catalog.Server.Publishing.Apps;
using Catalog.Server.Publishing.Auth;
using Catalog.Server.Publishing.Files;
using Catalog.Server.Publishing.Reports;
using Catalog.Server.Publishing.Operator;
using Catalog.Server.Publishing.Packages;
using Catalog.Server.Publishing.Users;
using Microsoft.AspNetCore.Authentication;

namespace Catalog.Server.Publishing;

/// <summary>
/// The publisher API (PUBLISHER-API.md, after Magento EQP): JSON over /rest/v1, bearer tokens from app keys,
/// publishers owning their things and an operator owning everything.
/// </summary>
public static class PublisherApi
{
    public static IServiceCollection AddPublisherApi(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization(PublisherApiPolicies.Add);
        services.AddRateLimiter(PublisherRateLimits.Add);
        services.AddPublisherApiOpenApi();
        services.AddSingleton<AppKeyService>();
        services.AddSingleton<PublisherProfiles>();
        services.AddPublisherFiles();
        services.AddSingleton<PackageValidator>();
        services.AddSingleton<PackageWorkflow>();
        return services;
    }

    // The keys ASP.NET Core's UseAuthentication and UseAuthorization set on the builder they are called on.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";
    private const string AuthorizationMiddlewareSetKey = "__AuthorizationMiddlewareSet";

    /// <summary>
    /// Middleware for /rest/v1 requests: JSON errors, then the HTTPS guard (before authentication, so a token
    /// sent in clear text is refused whatever it is), then authentication, authorization and rate limits.
    /// </summary>
    public static WebApplication UsePublisherApi(this WebApplication app)
    {
        // Only /rest/v1 has callers to authenticate and limits to keep: the protocol, the pages and the files are
        // public, and at tens of thousands of answers a second they should not pay for a bearer-token check.
        // WebApplication adds authentication and authorization at the very top of the pipeline, before any error
        // middleware, unless the application itself records that it placed them; a branch's records stay in the
        // branch. Without these marks every request paid for authentication, and a store failure while reading a
        // token escaped the API's error middleware as an empty 500.
        var pipeline = (IApplicationBuilder)app;
        pipeline.Properties[AuthenticationMiddlewareSetKey] = true;
        pipeline.Properties[AuthorizationMiddlewareSetKey] = true;
        app.UseWhen(http => PublisherApiRoutes.IsPublisherApiPath(http.Request.Path), branch => branch
            .UseMiddleware<PublisherApiErrorMiddleware>()
            .UseMiddleware<PlainHttpGuard>()
            .UseAuthentication()
            .UseAuthorization()
            .UseRateLimiter());
        return app;
    }

    public static RouteGroupBuilder MapPublisherApi(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi(PublisherApiOpenApi.Path.Replace(PublisherApiOpenApi.DocumentName, "{documentName}", StringComparison.Ordinal));
        routes.MapPublicFileEndpoints();
        var api = routes.MapGroup(PublisherApiRoutes.Prefix)
            .RequireAuthorization(PublisherApiPolicies.Publisher)
            .RequireRateLimiting(PublisherRateLimits.Policy);
        api.MapAppEndpoints();
        api.MapUserEndpoints();
        api.MapFileEndpoints();
        api.MapReportEndpoints();
        api.MapPackageEndpoints();
        api.MapOperatorEndpoints();
        return api;
    }
}

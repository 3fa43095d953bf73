using Microsoft.AspNetCore.Authorization;

namespace Catalog.Server.Publishing.Auth;

/// <summary>Named authorization policies of /rest/v1, all over the bearer-token scheme.</summary>
public static class PublisherApiPolicies
{
    /// <summary>Any live token: a publisher's or the operator's. Ownership is checked per resource.</summary>
    public const string Publisher = "PublisherApi.Publisher";

    /// <summary>Only an operator token.</summary>
    public const string Operator = "PublisherApi.Operator";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Publisher, p => p
            .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(PublisherClaims.AppId));
        options.AddPolicy(Operator, p => p
            .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(PublisherClaims.OperatorRole));
    }
}

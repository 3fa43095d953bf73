using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Server.Publishing;

/// <summary>
/// The OpenAPI description of /rest/v1, generated from the mapped endpoints (Microsoft.AspNetCore.OpenApi) and
/// served at <see cref="Path"/>. Property names are the API's snake_case ones, not the framework's default.
/// </summary>
public static class PublisherApiOpenApi
{
    public const string DocumentName = "rest-v1";
    public const string Path = "/openapi/rest-v1.json";

    public static IServiceCollection AddPublisherApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("rest/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MarketplaceCatalog publisher API",
                    Version = "v1",
                    Description = "Listings into the catalog (after Magento EQP): app keys → POST /rest/v1/app/session/token with HTTP Basic " +
                                  "→ Authorization: Bearer <ust>. Errors are {\"code\",\"message\",\"field\"}. Batch POST/PUT of packages answer 200 " +
                                  "with one {code,message,id,state,field} per item. PUT is partial: absent fields are left alone.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The ust from POST /rest/v1/app/session/token.",
                };
                document.Components.SecuritySchemes["basic"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "basic", Description = "appId:appSecret, for the token endpoint only.",
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Properties is { Count: > 0 } properties)
                {
                    foreach (var name in properties.Keys.ToList())
                    {
                        var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
                        if (snake == name)
                            continue;
                        properties[snake] = properties[name];
                        properties.Remove(name);
                        if (schema.Required?.Remove(name) == true)
                            schema.Required.Add(snake);
                    }
                }
                return Task.CompletedTask;
            });
        });
}

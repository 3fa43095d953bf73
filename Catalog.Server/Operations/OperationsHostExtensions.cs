using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Serilog.AspNetCore;

namespace Catalog.Server.Operations;

public static class OperationsHostExtensions
{
    /// <summary>
    /// Shipped defaults (<c>appsettings.json</c> beside the binaries), health checks, metrics and request log
    /// enrichment. Endpoints: <see cref="OperationsEndpoints.MapCatalogOperations"/>.
    /// </summary>
    public static WebApplicationBuilder AddCatalogOperations(this WebApplicationBuilder builder)
    {
        // `dotnet run` keeps the caller's folder as the content root, where there is usually no appsettings.json;
        // the copy in the output folder is read first, so an appsettings.json in the working folder, the
        // environment (Catalog__Section__Key) and the command line still override it.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        });

        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [OperationsEndpoints.ReadinessTag])
            .AddCheck<SearchIndexHealthCheck>("index", tags: [OperationsEndpoints.ReadinessTag]);
        builder.Services.AddSingleton<CatalogMetrics>();
        builder.Services.AddSingleton<StoreWritability>();
        builder.Services.AddSingleton<RequestMetrics>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<RequestLoggingOptions>, RequestLogEnrichment>();
        return builder;
    }
}

using Microsoft.AspNetCore.Server.Kestrel.Core;
using Catalog.Store.Sqlite;
using System.IO.Compression;
using System.Net;
using Catalog.Schema;
using Catalog.Schema.Store;
using Catalog.Search;
using Catalog.Server.Indexing;
using Catalog.Server.Operations;
using Catalog.Server.Pages;
using Catalog.Server.Protocol;
using Catalog.Server.Publishing;
using Catalog.Server.Protocol.Caching;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Serilog;

namespace Catalog.Server.Hosting;

/// <summary>The composition root: services, middleware and endpoints of the catalog server.</summary>
public static class CatalogHost
{
    /// <param name="configure">Lets tests and commands add configuration before services are built.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        configure?.Invoke(builder);
        CatalogSettings.Validate(builder.Configuration);
        builder.Services.AddSerilog((services, logger) => logger
            // The health-check service logs every unhealthy probe at Error, so a load balancer polling /readyz
            // every few seconds would repeat a condition that is logged once where it starts (a full store) and
            // that /readyz's own answer names; configuration can still lower this.
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", Serilog.Events.LogEventLevel.Fatal)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console());

        builder.AddCatalogOperations();
        builder.Services.AddCatalogSchema();
        if (StoreProviders.Find(builder.Configuration[$"{StoreOptions.Section}:Provider"] ?? StoreProviders.Sqlite) == StoreProviders.PostgreSql)
            throw StartupRefusedException.Setting(
                $"{StoreOptions.Section}:Provider {StoreProviders.PostgreSql} is not served by this build yet (its migrations exist, its stores do not); use {StoreProviders.Sqlite}.");
        builder.Services.AddSqliteStore();
        builder.Services.AddCatalogSearch();
        builder.Services.AddOptions<SearchOptions>().PostConfigure<IOptions<StoreOptions>>((search, store) =>
        {
            if (search.IndexPath.Length == 0)
                search.IndexPath = store.Value.BesideDatabase("index");
        });
        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ProtocolOptions>().BindConfiguration(ProtocolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PublicBaseUrl>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((kestrel, server) =>
            kestrel.Limits.MaxRequestHeadersTotalSize = server.Value.MaxRequestHeaderBytes * 2);
        builder.Services.AddSingleton<ProtocolResponder>();
        builder.Services.AddSingleton<CatalogLists>();
        builder.Services.AddCatalogPages();
        builder.Services.AddOptions<ProtocolCacheOptions>().BindConfiguration(ProtocolCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ProtocolCache>();
        builder.Services.AddSingleton<SearchIndexFollower>();
        // Order matters: the store is migrated and seeded before the index catches up with it.
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddHostedService<SearchIndexInitializer>();
        builder.Services.AddOptions<IndexingOptions>().BindConfiguration(IndexingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<SearchIndexPoller>();
        builder.Services.AddPublisherApi();

        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/xml");
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ServerOptions>>((forwarded, server) =>
        {
            // Only the operator's proxies may say what the public scheme and host are. The middleware trusts
            // everybody when both lists are empty, so with no proxy configured it must read no header at all.
            forwarded.ForwardedHeaders = server.Value.TrustedProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in server.Value.TrustedProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging(); // levels and fields: Operations/RequestLogEnrichment
        app.UseMiddleware<HostHeaderGuard>();
        app.UseMiddleware<RequestHeaderSizeGuard>();
        app.UseResponseCompression();
        app.UseMiddleware<ProtocolErrorMiddleware>();
        app.UsePublisherApi();
        app.UseMiddleware<PageNotFoundMiddleware>();
        app.MapCatalogOperations();
        app.MapCatalogProtocol();
        app.MapPublisherApi();
        app.MapCatalogPages();
        return app;
    }
}

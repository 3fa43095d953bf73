using Catalog.Schema.Store;
using Catalog.Schema.Model;
using Catalog.Server.Operations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalog.Server.Protocol;

/// <summary>What the client reports after an install: success (counted) and failure (stored).</summary>
public static class InstallEndpoints
{
    public static RouteGroupBuilder MapInstallEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Protocol: installs");
        group.MapMethods(ProtocolRoutes.NodeInstallSuccess, ProtocolRoutes.GetOrHead, NodeInstallSucceeded);
        group.MapMethods(ProtocolRoutes.TitleInstallSuccess, ProtocolRoutes.GetOrHead, TitleInstallSucceeded);
        group.MapPost(ProtocolRoutes.InstallErrorReport, ReportInstallError);
        return group;
    }

    public static async Task<XmlResponse> NodeInstallSucceeded(string id, HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogMetrics metrics)
    {
        var listingId = RequestParsing.ParseId(id, "node id");
        return await Count(http, responder, store, metrics, listingId);
    }

    public static async Task<XmlResponse> TitleInstallSucceeded(string title, HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogMetrics metrics)
    {
        var listing = await store.GetListingByUrlTitleAsync(title, http.RequestAborted)
            ?? throw ProtocolException.NotFound($"No node titled '{RequestParsing.Shorten(title)}'.");
        return await Count(http, responder, store, metrics, listing.Id);
    }

    /// <summary>Form fields as the client posts them: node and iu repeat.</summary>
    public static async Task<XmlResponse> ReportInstallError(HttpContext http, ProtocolResponder responder, ICatalogStore store, IOptions<ProtocolOptions> options, TimeProvider clock)
    {
        var request = http.Request;
        if (!request.HasFormContentType)
            throw ProtocolException.BadRequest("Send the report as application/x-www-form-urlencoded.");
        RefuseCharsetOtherThanUtf8(request);
        var limit = options.Value.MaxErrorReportBytes;
        if (request.ContentLength > limit)
            throw ReportTooLarge(limit);
        // Content-Length alone is no limit: a chunked body has none. Kestrel counts what is read, whatever the framing.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ReportTooLarge(limit);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw ProtocolException.BadRequest("The report is not a readable form: " + e.Message);
        }
        var statusText = form["status"].ToString();
        var status = 0;
        if (statusText.Length > 0 && !int.TryParse(statusText, System.Globalization.CultureInfo.InvariantCulture, out status))
            throw ProtocolException.BadRequest($"status must be an integer, not '{RequestParsing.Shorten(statusText)}'.");
        var nodes = form["node"].Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => RequestParsing.ParseId(n, "node")).ToList();
        await store.SaveInstallErrorAsync(new InstallErrorReport
        {
            Client = Limit(form["client"]),
            Os = Limit(form["os"]),
            PlatformVersion = Limit(form["platform.version"]),
            Status = status,
            StatusMessage = Limit(form["statusMessage"], 4000),
            NodeIds = nodes,
            InstallableUnits = form["iu"].Select(iu => Limit(iu)).ToList(),
            DetailedMessage = Limit(form["detailedMessage"], 32_000),
            ReportedAt = clock.GetUtcNow(),
        }, http.RequestAborted);
        return await responder.RespondAsync(http, _ => { }, needsCategories: false);
    }

    private static ProtocolException ReportTooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"Reports are limited to {limit} bytes.");

    /// <summary>The client posts UTF-8; any other charset (UTF-7 is disabled in .NET and would fail deep inside the
    /// form reader) is refused before reading.</summary>
    private static void RefuseCharsetOtherThanUtf8(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            throw ProtocolException.BadRequest("The Content-Type header is malformed.");
        var charset = type.Charset.Value?.Trim('"');
        if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            throw new ProtocolException(StatusCodes.Status415UnsupportedMediaType,
                $"Send the report in UTF-8, not '{RequestParsing.Shorten(charset)}'.");
    }

    private static async Task<XmlResponse> Count(HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogMetrics metrics, int listingId)
    {
        if (!await store.RecordInstallAsync(listingId, http.RequestAborted))
            throw ProtocolException.NotFound($"No node with id {listingId}.");
        metrics.InstallCounted();
        return await responder.RespondAsync(http, _ => { }, needsCategories: false);
    }

    private static string Limit(Microsoft.Extensions.Primitives.StringValues value, int max = 500)
    {
        var text = value.ToString();
        return text.Length <= max ? text : text[..max];
    }

    private static string Limit(string? value, int max = 500) =>
        value is null ? "" : value.Length <= max ? value : value[..max];
}

using Catalog.Schema.Store;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Server.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Server.Pages;

/// <summary>A listing's page, by id (<c>/node/{id}</c>) or by url title (<c>/content/{title}</c>).</summary>
public static class NodePages
{
    public static IEndpointRouteBuilder MapNodePages(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(PageRoutes.Node, ProtocolRoutes.GetOrHead, ById);
        routes.MapMethods(PageRoutes.NodeByTitle, ProtocolRoutes.GetOrHead, ByTitle);
        return routes;
    }

    public static async Task<RazorComponentResult<NodePage>> ById(
        string id, HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, ReleaseTable releases, DescriptionSanitizer sanitizer)
    {
        var listingId = RequestParsing.ParseId(id, "node id");
        var listing = await store.GetListingAsync(listingId, http.RequestAborted)
            ?? throw ProtocolException.NotFound($"There is no listing with id {listingId}.");
        return await Render(http, frames, responder, store, releases, sanitizer, listing);
    }

    public static async Task<RazorComponentResult<NodePage>> ByTitle(
        string title, HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, ReleaseTable releases, DescriptionSanitizer sanitizer)
    {
        var listing = await NodeEndpoints.FindByTitleAsync(store, title, http.RequestAborted);
        return await Render(http, frames, responder, store, releases, sanitizer, listing);
    }

    /// <summary>
    /// Every version with its releases, whatever the visitor's IDE: a page is for reading. When the request
    /// names a release (<c>platform.version</c>) the version that IDE would get is marked, as the protocol chooses it.
    /// </summary>
    private static async Task<RazorComponentResult<NodePage>> Render(
        HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, ReleaseTable releases, DescriptionSanitizer sanitizer, Listing listing)
    {
        var frame = await frames.ForAsync(http);
        var client = responder.Client(http);
        var chosen = client.Release is null ? -1 : responder.View(listing, client).VersionIndex;
        listing = PageText.Clean(listing);
        var categories = (await store.GetCategoriesAsync(http.RequestAborted)).ToDictionary(c => c.Id);
        var categoryLinks = listing.CategoryIds.Where(categories.ContainsKey)
            .Select(id => new TermLink(categories[id].Name, frame.Links.Category(id))).ToList();
        var tagLinks = listing.Tags.Select(t => new TermLink(t.Name, frame.Links.Tag(t.Name))).ToList();
        var versions = listing.Versions.Select((v, i) => new VersionRow(
            v.Version.Length > 0 ? v.Version : "(unnamed)",
            ReleaseRanges.Format(v.Releases, releases),
            v.Platforms.Count > 0 ? string.Join(", ", v.Platforms) : "any",
            JavaVersion(v.MinJavaVersion),
            SafeUrl.HttpOrNull(v.UpdateSiteUrl) ?? (v.UpdateSiteUrl.Length > 0 ? v.UpdateSiteUrl : null),
            v.Features,
            i == chosen)).ToList();
        var installable = listing.Versions.Any(v => v.IsInstallable);
        return HomePages.Render<NodePage>(new NodeModel(frame, listing, categoryLinks, tagLinks, sanitizer.Sanitize(listing.Body), versions,
            installable ? frame.Links.Install(listing.Id) : null, client.Release?.Version));
    }

    /// <summary>The wire spells the minimum Java as <c>java_17</c>; people read "17".</summary>
    private static string JavaVersion(string value) =>
        value.Length == 0 ? "any" : value.StartsWith("java_", StringComparison.OrdinalIgnoreCase) ? value[5..].Replace('_', '.') : value;
}

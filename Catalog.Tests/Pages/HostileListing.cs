using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Server.Indexing;
using Catalog.Tests.Support;

namespace Catalog.Tests.Pages;

/// <summary>
/// A listing whose every text field tries to run script in a visitor's browser. Each attempt would set
/// <c>window.pwned</c>, so a page can be checked for "nothing ran" by reading one flag.
/// </summary>
public static class HostileListing
{
    public const string UrlTitle = "hostile-listing";
    public const string Name = "Hostile <script>window.pwned='name'</script> Listing";
    public const string Flag = "pwned";

    public const string Body = """
        <p>Visible introduction.</p>
        <script>window.pwned = 'script';</script>
        <img src="x" onerror="window.pwned = 'onerror'">
        <a href="javascript:window.pwned = 'href'">javascript link</a>
        <a href="&#106;avascript:window.pwned = 'entity-href'">entity link</a>
        <a href=" JaVaScRiPt:window.pwned = 'case'">case link</a>
        <a href="java&#x09;script:window.pwned = 'tab'">tab link</a>
        <a href="https://example.com/safe" onclick="window.pwned = 'onclick'" target="_blank">safe link</a>
        <svg><script>window.pwned = 'svg'</script><animate onbegin="window.pwned = 'svg-animate'" attributeName="x" dur="1s"></animate></svg>
        <math><mtext><table><mglyph><style><img src=x onerror="window.pwned = 'mxss'"></style></mglyph></table></mtext></math>
        <noscript><p title="</noscript><img src=x onerror=window.pwned='noscript'>"></p></noscript>
        <iframe src="javascript:parent.pwned = 'iframe'"></iframe>
        <iframe srcdoc="<script>parent.pwned = 'srcdoc'</script>"></iframe>
        <object data="javascript:window.pwned = 'object'"></object>
        <embed src="javascript:window.pwned = 'embed'">
        <style>body { background: url("javascript:window.pwned = 'style'") }</style>
        <p style="background-image: url(javascript:window.pwned = 'inline-style')" onmouseover="window.pwned = 'hover'">styled paragraph</p>
        <details open ontoggle="window.pwned = 'toggle'"><summary>details</summary></details>
        <form action="javascript:window.pwned = 'form'"><button>form button</button></form>
        <base href="javascript:window.pwned = 'base'//">
        <meta http-equiv="refresh" content="0; url=javascript:window.pwned = 'meta'">
        <video><source onerror="window.pwned = 'video'"></video>
        <body onload="window.pwned = 'body'">
        <scr<script>ipt>window.pwned = 'split'</scr</script>ipt>
        <!--<script>window.pwned = 'comment'</script>-->
        <p>Closing paragraph with <strong>strong</strong> and <em>emphasis</em>
        <ul><li>unclosed item
        """;

    /// <summary>Writes it through the real write path into <paramref name="app"/> and brings the search index up to date.</summary>
    public static async Task<int> WriteAsync(CatalogApplication app)
    {
        var content = new CatalogContent
        {
            Listings =
            [
                new ListingSource
                {
                    Key = "hostile-001",
                    Name = Name,
                    UrlTitle = UrlTitle,
                    Owner = "<b>Owner</b>",
                    CompanyName = "\"><img src=x onerror=\"window.pwned = 'company'\">",
                    ShortDescription = "Short \"><img src=x onerror=\"window.pwned = 'short'\"> text",
                    Body = Body,
                    License = "EPL 2.0",
                    Status = "Beta",
                    HomepageUrl = "javascript:window.pwned = 'homepage'",
                    SupportUrl = "  JaVaScRiPt:window.pwned = 'support'",
                    Image = "javascript:window.pwned = 'image'",
                    Screenshot = "data:image/svg+xml,<svg onload=\"window.pwned = 'screenshot'\"/>",
                    Tags = ["<b>tag</b>", "x\" onmouseover=\"window.pwned = 'tag'"],
                    Categories = ["editors"],
                    Created = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
                    Changed = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
                    Versions =
                    [
                        new VersionSource
                        {
                            Version = "1.0 <i>beta</i>",
                            UpdateSite = "javascript:window.pwned = 'update-site'",
                            Releases = ["4.30", "4.31"],
                            Platforms = ["Windows"],
                            Features = [new FeatureSource("org.example.<script>x</script>")],
                        },
                    ],
                },
            ],
        };
        await app.Get<ICatalogContentWriter>().WriteAsync(content, CancellationToken.None);
        await app.Get<SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        var listing = await app.Get<ICatalogStore>().GetListingByUrlTitleAsync(UrlTitle, CancellationToken.None);
        return listing!.Id;
    }
}

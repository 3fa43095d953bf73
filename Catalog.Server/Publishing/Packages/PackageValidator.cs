using System.Text.RegularExpressions;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Publishing;
using Catalog.Schema.Store;

namespace Catalog.Server.Publishing.Packages;

/// <summary>
/// Turns a request item into package content, checking every field it carries (400 naming the field), and
/// checks a package is ready to go live (installable, files usable, taxonomy still there).
/// </summary>
public sealed partial class PackageValidator(ICatalogStore catalog, IFileRecordStore files, ReleaseTable releases)
{
    public const int MaxVersions = 50;
    public const int MaxFeatures = 200;
    public const int MaxTags = 30;
    public const int MaxTerms = 20;
    private static readonly string[] Platforms = ["Windows", "Mac", "Linux/GTK"];

    /// <summary><paramref name="current"/> with the request's fields applied; null current means a new package.</summary>
    public async Task<PackageContent> ApplyAsync(PackageContent? current, PackageRequest request, CancellationToken ct)
    {
        if (current is null && (request.Name is null || request.ShortDescription is null))
            throw ApiException.Invalid(request.Name is null ? "name" : "short_description", "A new package needs name and short_description.");
        var content = current ?? new PackageContent { Name = "" };
        if (request.Name is not null)
            content = content with { Name = Validation.Text("name", request.Name, 200, required: true) };
        if (request.ShortDescription is not null)
            content = content with { ShortDescription = Validation.Text("short_description", request.ShortDescription, 5000, required: true) };
        if (request.Body is not null)
            content = content with { Body = Validation.Text("body", request.Body, 100_000) };
        if (request.Type is not null)
        {
            if (!TypePattern().IsMatch(request.Type))
                throw ApiException.Invalid("type", "type is a lowercase word such as \"resource\" or \"training\".");
            content = content with { Type = request.Type };
        }
        if (request.Categories is not null)
            content = content with { Categories = Terms("categories", "category", request.Categories, (await catalog.GetCategoriesAsync(ct)).Select(c => c.Id)) };
        if (request.Markets is not null)
            content = content with { Markets = Terms("markets", "market", request.Markets, (await catalog.GetMarketsAsync(ct)).Select(m => m.Id)) };
        if (request.Tags is not null)
            content = content with { Tags = Tags(request.Tags) };
        if (request.License is not null)
            content = content with { License = Validation.Text("license", request.License, 100) };
        if (request.Status is not null)
            content = content with { Status = Validation.Text("status", request.Status, 100) };
        if (request.HomepageUrl is not null)
            content = content with { HomepageUrl = Validation.Url("homepage_url", request.HomepageUrl) };
        if (request.SupportUrl is not null)
            content = content with { SupportUrl = Validation.Url("support_url", request.SupportUrl) };
        if (request.LogoFileId is { } logo)
            content = content with { LogoFileId = FileId("logo_file_id", logo) };
        if (request.ScreenshotFileId is { } screenshot)
            content = content with { ScreenshotFileId = FileId("screenshot_file_id", screenshot) };
        if (request.Versions is not null)
            content = content with { Versions = Versions(request.Versions) };
        return content;
    }

    /// <summary>What submission and approval require (PUBLISHER-API.md): installable versions and usable files and terms.</summary>
    public async Task CheckPublishableAsync(PackageContent content, int? ownerPublisherId, CancellationToken ct)
    {
        if (content.Versions.Count == 0)
            throw ApiException.Invalid("versions", "A package needs at least one version to be submitted.");
        for (var i = 0; i < content.Versions.Count; i++)
        {
            var version = content.Versions[i];
            if (!Validation.IsHttpUrl(version.UpdateSiteUrl))
                throw ApiException.Invalid($"versions[{i}].update_site_url", "Every version needs an update site URL to be installable.");
            if (version.Features.Count == 0)
                throw ApiException.Invalid($"versions[{i}].features", "Every version needs at least one feature to be installable.");
            if (version.Releases.Count == 0)
                throw ApiException.Invalid($"versions[{i}].releases", "Every version needs at least one supported Eclipse release.");
        }
        Terms("categories", "category", content.Categories, (await catalog.GetCategoriesAsync(ct)).Select(c => c.Id));
        Terms("markets", "market", content.Markets, (await catalog.GetMarketsAsync(ct)).Select(m => m.Id));
        foreach (var (field, id) in new[] { ("logo_file_id", content.LogoFileId), ("screenshot_file_id", content.ScreenshotFileId) })
        {
            if (id is { } fileId && (await files.FindUnusableAsync(ownerPublisherId, [fileId], ct)).Count > 0)
                throw ApiException.Invalid(field, $"File {fileId} does not exist or belongs to another publisher.");
        }
    }

    private static List<int> Terms(string field, string singular, IReadOnlyList<int> ids, IEnumerable<int> known)
    {
        if (ids.Count > MaxTerms)
            throw ApiException.Invalid(field, $"At most {MaxTerms} {field}.");
        var set = known.ToHashSet();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!set.Contains(ids[i]))
                throw ApiException.Invalid($"{field}[{i}]", $"No {singular} {ids[i]}.");
        }
        return ids.Distinct().ToList();
    }

    private static List<string> Tags(List<string> tags)
    {
        if (tags.Count > MaxTags)
            throw ApiException.Invalid("tags", $"At most {MaxTags} tags.");
        var result = new List<string>();
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = Validation.Text($"tags[{i}]", tags[i], 64, required: true);
            // The protocol's free-tagging path separates tags with commas.
            if (tag.Contains(',') || tag.Contains('/'))
                throw ApiException.Invalid($"tags[{i}]", "A tag may not contain ',' or '/'.");
            if (!result.Contains(tag, StringComparer.OrdinalIgnoreCase))
                result.Add(tag);
        }
        return result;
    }

    private static int? FileId(string field, int id) => id switch
    {
        0 => null,
        < 0 => throw ApiException.Invalid(field, $"{field} is a file id from /rest/v1/files/uploads, or 0 for none."),
        _ => id,
    };

    private List<PackageVersion> Versions(List<VersionRequest> versions)
    {
        if (versions.Count > MaxVersions)
            throw ApiException.Invalid("versions", $"At most {MaxVersions} versions.");
        var result = new List<PackageVersion>(versions.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            var v = versions[i] ?? throw ApiException.Invalid($"versions[{i}]", "A version is an object.");
            var at = $"versions[{i}]";
            var minJava = Validation.Text($"{at}.min_java_version", v.MinJavaVersion, 16);
            if (minJava.Length > 0)
                minJava = JavaVersion.Canonical(minJava)
                          ?? throw ApiException.Invalid($"{at}.min_java_version", "min_java_version is a Java version such as 17, 1.8 or java_17 (stored as java_17).");
            result.Add(new PackageVersion
            {
                Version = Validation.Text($"{at}.version", v.Version, 64),
                UpdateSiteUrl = Validation.Url($"{at}.update_site_url", v.UpdateSiteUrl),
                Releases = Releases(at, v.Releases ?? []),
                Platforms = PlatformNames(at, v.Platforms ?? []),
                MinJavaVersion = minJava,
                Features = Features(at, v.Features ?? []),
            });
        }
        return result;
    }

    private List<string> Releases(string at, List<string> values)
    {
        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var release = values[i] is { } text ? releases.FindByVersion(text.Trim()) : null;
            if (release is null)
                throw ApiException.Invalid($"{at}.releases[{i}]",
                    $"Unknown Eclipse release '{values[i]}'; give major.minor from {releases.All[0].Version} to {releases.Newest.Version}.");
            if (!result.Contains(release.Version))
                result.Add(release.Version);
        }
        return result;
    }

    private static List<string> PlatformNames(string at, List<string> values)
    {
        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var platform = Platforms.FirstOrDefault(p => p.Equals(values[i], StringComparison.OrdinalIgnoreCase))
                ?? throw ApiException.Invalid($"{at}.platforms[{i}]", "A platform is Windows, Mac or Linux/GTK.");
            if (!result.Contains(platform))
                result.Add(platform);
        }
        return result;
    }

    private static List<PackageFeature> Features(string at, List<FeatureRequest> values)
    {
        if (values.Count > MaxFeatures)
            throw ApiException.Invalid($"{at}.features", $"At most {MaxFeatures} features a version.");
        var result = new List<PackageFeature>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var field = $"{at}.features[{i}].id";
            var id = Validation.Text(field, values[i]?.Id, 255, required: true);
            if (!FeatureIdPattern().IsMatch(id))
                throw ApiException.Invalid(field, "A feature id is an installable unit id such as org.example.feature.feature.group.");
            result.Add(new PackageFeature(id, values[i]!.Required ?? false, values[i]!.Selected ?? true));
        }
        return result;
    }

    [GeneratedRegex("^[a-z][a-z_]{0,31}$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex FeatureIdPattern();
}

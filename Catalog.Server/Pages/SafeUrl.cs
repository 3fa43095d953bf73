namespace Catalog.Server.Pages;

/// <summary>URLs from listing data are shown as links or images only when they are absolute http(s) URLs.</summary>
public static class SafeUrl
{
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The URL when <see cref="IsHttp"/> holds, otherwise null.</summary>
    public static string? HttpOrNull(string? url) => IsHttp(url) ? url!.Trim() : null;
}

using System.Net;
using System.Net.Sockets;

namespace Catalog.Schema.Import;

/// <summary>
/// Whether a URL in an export names a host an IDE elsewhere could never reach: a development or private name
/// (the 2019 export's icons name <c>marketplace.php55.dev.docker</c>), a reserved top-level domain, a
/// single-label name, or a loopback or private address.
/// </summary>
public static class UnusableHost
{
    // RFC 2606 and RFC 6761 names, and the suffixes container and home networks use by custom.
    private static readonly HashSet<string> PrivateSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "example", "invalid", "localhost", "local", "internal", "lan", "home", "corp", "intranet", "docker",
    };

    /// <summary>Why <paramref name="url"/> cannot be fetched from elsewhere; null when it looks usable.</summary>
    public static string? Why(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "is not an absolute http or https URL";
        var host = uri.IdnHost;
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address)
                ? $"names the private or loopback address {host}"
                : null;
        var labels = host.TrimEnd('.').Split('.');
        if (labels.Length < 2)
            return $"names the single-label host '{host}'";
        if (PrivateSuffixes.Contains(labels[^1]))
            return $"names '{host}', under '.{labels[^1]}', which is not reachable from the internet";
        return null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Catalog.Server.Hosting;

/// <summary>
/// The <c>Urls</c> setting, checked before the server migrates or seeds anything: Kestrel only binds after
/// every hosted service has started, so a malformed address or a port another process holds used to surface
/// after the work, as a stack trace.
/// </summary>
public static class ListenAddresses
{
    /// <exception cref="StartupRefusedException">An address is malformed, or its port is taken.</exception>
    public static void EnsureUsable(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = Parse(url);
            if (address.IsUnixPipe || address.Port == 0)
                continue;
            foreach (var ip in ProbedAddresses(address.Host))
                EnsureFree(url, ip, address.Port);
        }
    }

    private static BindingAddress Parse(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            throw Malformed(url);
        }
        if (address.Scheme is not ("http" or "https") || (!address.IsUnixPipe && (address.Host.Length == 0 || address.Port is < 0 or > 65535)))
            throw Malformed(url);
        return address;
    }

    private static StartupRefusedException Malformed(string url) =>
        StartupRefusedException.Setting($"Setting Urls has '{url}', which is not an address like http://localhost:5000 (several are separated by ';').");

    /// <summary>Where Kestrel would bind: localhost on both loopbacks, an IP as given, any other host on every interface.</summary>
    private static IEnumerable<IPAddress> ProbedAddresses(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : [IPAddress.Any];
    }

    private static void EnsureFree(string url, IPAddress ip, int port)
    {
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel binds: connections of a stopped server lingering in TIME_WAIT do not hold the port.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(ip, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw StartupRefusedException.Environment(
                $"Cannot listen on {url}: another process is using port {port}. Stop it, or choose another address with --urls http://localhost:{(port == 65535 ? 5000 : port + 1)}.");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported)
        {
            // No IPv6 here (or no such interface): Kestrel reports what it cannot bind itself.
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            throw StartupRefusedException.Environment($"Cannot listen on {url}: this user may not use port {port} (ports below 1024 need privileges).");
        }
    }
}

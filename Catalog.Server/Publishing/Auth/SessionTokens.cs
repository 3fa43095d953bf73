using System.Security.Cryptography;
using System.Text;

namespace Catalog.Server.Publishing.Auth;

/// <summary>Bearer tokens: 32 random bytes, base64url; the store keeps only their SHA-256.</summary>
public static class SessionTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Cryptography;
using System.Text;

namespace Catalog.Server.Publishing.Apps;

/// <summary>
/// App secrets are stored as PBKDF2-HMAC-SHA256 with a per-key random salt; the iteration count is stored
/// with each key so it can be raised later without breaking old keys.
/// </summary>
public static class AppSecretHasher
{
    public const int Iterations = 120_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Verified against when the app id is unknown, so that an unknown id costs as long as a wrong secret.</summary>
    private static readonly byte[] DecoySalt = RandomNumberGenerator.GetBytes(SaltBytes);

    public static string NewSecret() => Auth.SessionTokens.Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewAppId()
    {
        // 20 characters from an alphabet without look-alikes, easy to copy from a terminal.
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "app_" + RandomNumberGenerator.GetString(Alphabet, 20);
    }

    public static (byte[] Salt, byte[] Hash) Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Derive(secret, salt, Iterations));
    }

    public static bool Verify(string secret, byte[] salt, byte[] expected, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), expected);

    /// <summary>Spends the same time as a real verification and always fails.</summary>
    public static bool VerifyDecoy(string secret)
    {
        Derive(secret, DecoySalt, Iterations);
        return false;
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}

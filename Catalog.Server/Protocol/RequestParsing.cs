using System.Globalization;

namespace Catalog.Server.Protocol;

/// <summary>Turns path pieces and query values into typed arguments, or a 400 that says what was wrong.</summary>
public static class RequestParsing
{
    /// <summary>Node and term ids are positive 32-bit integers; anything else is malformed.</summary>
    public static int ParseId(string? value, string what)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            return id;
        throw ProtocolException.BadRequest($"{what} must be a positive integer, not '{Shorten(value)}'.");
    }

    /// <summary>A list such as <c>1,2,3</c> (also <c>+</c> or space separated, as related sends them).</summary>
    public static IReadOnlyList<int> ParseIdList(string? value, string what, int max)
    {
        var parts = (value ?? "").Split([',', ' ', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            throw ProtocolException.BadRequest($"{what}: at least one id is needed.");
        if (parts.Length > max)
            throw ProtocolException.BadRequest($"{what}: at most {max} ids in one request, got {parts.Length}.");
        var ids = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            var id = ParseId(part, what);
            if (!ids.Contains(id))
                ids.Add(id);
        }
        return ids;
    }

    /// <summary>Tag names joined by <c>,</c> (form-encoded, so <c>+</c> is a space), distinct, case-insensitive.</summary>
    public static IReadOnlyList<string> ParseTagList(string? value, int max)
    {
        var names = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(FormDecodedPathPiece).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
            throw ProtocolException.BadRequest("At least one tag is needed.");
        if (names.Count > max || names.Any(n => n.Length > 200))
            throw ProtocolException.BadRequest("Too many or too long tags.");
        return names;
    }

    /// <summary><c>page_num</c>: 1-based; absent means the first page, 0 is read as 1.</summary>
    public static int ParsePageNumber(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
            return 1;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page > max)
            throw ProtocolException.BadRequest($"page_num must be a whole number from 1 to {max}.");
        return Math.Max(page, 1);
    }

    /// <summary>Path pieces arrive form-encoded: <c>+</c> stands for a space.</summary>
    public static string FormDecodedPathPiece(string value) => value.Replace('+', ' ');

    public static string Shorten(string? value) =>
        value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>
    /// True when the raw request target holds a <c>%</c> that does not start a valid escape, or escapes
    /// that do not decode as UTF-8: such a path cannot name anything.
    /// </summary>
    /// <summary>The path of a request target as sent, before '?', with an encoded dot read as a dot.</summary>
    public static PathString RawPath(string rawTarget)
    {
        var path = rawTarget.Split('?', 2)[0].Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
        return path.StartsWith('/') ? new PathString(path) : PathString.Empty;
    }

    /// <summary>A <c>.</c> or <c>..</c> segment, plain or percent-encoded, in the path as sent.</summary>
    public static bool HasDotSegment(string rawTarget) =>
        RawPath(rawTarget).Value is { } path && path.Split('/').Any(segment => segment is "." or "..");

    public static bool HasBrokenPercentEncoding(string rawTarget)
    {
        var path = rawTarget.Split('?', 2)[0];
        var bytes = new List<byte>();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '%')
            {
                if (!FlushIsValid(bytes))
                    return true;
                continue;
            }
            if (i + 2 >= path.Length || !Uri.IsHexDigit(path[i + 1]) || !Uri.IsHexDigit(path[i + 2]))
                return true;
            bytes.Add(Convert.ToByte(path.Substring(i + 1, 2), 16));
            i += 2;
        }
        return !FlushIsValid(bytes);
    }

    private static bool FlushIsValid(List<byte> bytes)
    {
        if (bytes.Count == 0)
            return true;
        var valid = System.Text.Unicode.Utf8.IsValid(bytes.ToArray());
        bytes.Clear();
        return valid;
    }
}

using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Catalog.Schema.Store;
using Catalog.Search;
using Catalog.Server.Indexing;
using Catalog.Server.Protocol;
using Catalog.Server.Protocol.Caching;
using Catalog.Server.Publishing;
using Catalog.Server.Publishing.Files;

namespace Catalog.Server.Hosting;

/// <summary>
/// Every setting under <c>Catalog:</c> and the options class that reads it. Binding ignores names it does not
/// know and stops with a stack trace on a value it cannot convert; checked here first, a misspelt name is an
/// error naming the closest known one, and a value of the wrong type says which type it needs.
/// </summary>
public static class CatalogSettings
{
    public const string Root = "Catalog";

    /// <summary>Each section bound to options; a new options class is added here too.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (StoreOptions.Section, typeof(StoreOptions)),
        (SearchOptions.Section, typeof(SearchOptions)),
        (IndexingOptions.Section, typeof(IndexingOptions)),
        (ServerOptions.Section, typeof(ServerOptions)),
        (ProtocolOptions.Section, typeof(ProtocolOptions)),
        (ProtocolCacheOptions.Section, typeof(ProtocolCacheOptions)),
        (PublishingOptions.Section, typeof(PublishingOptions)),
        (FilesOptions.Section, typeof(FilesOptions)),
    ];

    /// <exception cref="StartupRefusedException">The first setting that is unknown or cannot be converted.</exception>
    public static void Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.GetSection(Root).AsEnumerable().OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (value is null)
                continue; // a section, not a value
            var property = Find(key, out var rest);
            if (property is null)
                throw StartupRefusedException.Setting($"Unknown setting {key}; did you mean {Closest(key)}?");
            if (IsList(property.PropertyType))
                continue; // Catalog:Server:TrustedProxies:0 and so on: the elements are strings
            if (rest.Length > 0)
                throw StartupRefusedException.Setting($"Unknown setting {key}; did you mean {Closest(key)}?");
            if (!Converts(property.PropertyType, value))
                throw StartupRefusedException.Setting($"Setting {key} is '{value}', which is not {Describe(property.PropertyType)}.");
        }
    }

    /// <summary>The property a key names, and what follows its name (element indexes of a list).</summary>
    private static PropertyInfo? Find(string key, out string rest)
    {
        rest = "";
        foreach (var (section, options) in Sections)
        {
            if (!key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
                continue;
            var remainder = key[(section.Length + 1)..];
            var separator = remainder.IndexOf(':', StringComparison.Ordinal);
            var name = separator < 0 ? remainder : remainder[..separator];
            rest = separator < 0 ? "" : remainder[(separator + 1)..];
            return Settable(options).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        }
        return null;
    }

    private static IEnumerable<PropertyInfo> Settable(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType));

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool Converts(Type type, string value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
            return true;
        try
        {
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(bool))
            return "true or false";
        if (target == typeof(int) || target == typeof(long))
            return "a whole number";
        if (target == typeof(double) || target == typeof(decimal))
            return "a number";
        if (target.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(target));
        return "a " + target.Name;
    }

    /// <summary>The known setting nearest in spelling (edit distance, ignoring case).</summary>
    internal static string Closest(string key) =>
        AllNames().MinBy(name => Distance(key.ToLowerInvariant(), name.ToLowerInvariant()))!;

    internal static IEnumerable<string> AllNames() =>
        Sections.SelectMany(s => Settable(s.Options).Select(p => $"{s.Section}:{p.Name}"));

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

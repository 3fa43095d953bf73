namespace Catalog.Schema.Store;

/// <summary>The values of <c>Catalog:Store:Provider</c>.</summary>
public static class StoreProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public static IReadOnlyList<string> All { get; } = [Sqlite, PostgreSql];

    /// <summary>The provider's canonical name (the setting is case-insensitive), or null when there is none by that name.</summary>
    public static string? Find(string? value) =>
        All.FirstOrDefault(p => string.Equals(p, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Unknown(string? value) =>
        $"{StoreOptions.Section}:Provider: '{value}' is not a store provider; use {string.Join(" or ", All)}.";
}

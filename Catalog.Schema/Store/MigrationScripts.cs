using System.Globalization;
using System.Reflection;

namespace Catalog.Schema.Store;

/// <summary>
/// A provider's numbered migrations, embedded as <c>Migrations/NNNN_name.sql</c> resources of its assembly:
/// found, ordered, read and checked against what a database has applied the same way for every provider.
/// </summary>
public sealed class MigrationScripts
{
    private readonly Assembly assembly;

    public MigrationScripts(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        this.assembly = assembly;
        Available = [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Number: int.Parse(n.AsSpan(resourcePrefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture), Name: n))
            .OrderBy(m => m.Number)];
        Known = [.. Available.Select(m => m.Number)];
    }

    /// <summary>Each migration's number and resource name, in order.</summary>
    public IReadOnlyList<(int Number, string Name)> Available { get; }

    public IReadOnlyList<int> Known { get; }

    public string Read(string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException("Missing migration resource " + resourceName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A newer build migrated this database: serving it could misread what its schema now means.</summary>
    /// <exception cref="StoreSchemaTooNewException">Some of <paramref name="applied"/> are not known here.</exception>
    public void RefuseNewer(IEnumerable<int> applied)
    {
        var unknown = applied.Where(n => !Known.Contains(n)).Order().ToList();
        if (unknown.Count > 0)
            throw new StoreSchemaTooNewException(unknown, Known.Count == 0 ? 0 : Known[^1]);
    }
}

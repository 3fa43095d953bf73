namespace Catalog.Server.Hosting;

public static class SeedDirectory
{
    /// <summary>
    /// The configured folder, relative to the content root, else the copy shipped beside the binaries,
    /// so that the server seeds itself whichever folder it is started from. Empty setting: no seeding.
    /// </summary>
    public static string? Find(string configured, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return null;
        if (Path.IsPathRooted(configured))
            return Directory.Exists(configured) ? configured : null;
        foreach (var root in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(root, configured));
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}

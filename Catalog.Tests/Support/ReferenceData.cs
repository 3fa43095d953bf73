namespace Catalog.Tests.Support;

/// <summary>
/// Finds <c>../shared/reference</c> beside the repository (CI clones main with shared/ next to it).
/// The reference material is read in place, never copied into the repository.
/// </summary>
public static class ReferenceData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));

    public static string Captured(string fileName) => Path.Combine(Directory, "mpc-captured", fileName);

    public static string Marketplace2019 => Path.Combine(Directory, "eclipse-marketplace-2019");

    public static string SchemaFile => Path.Combine(RepositoryRoot, "mpc-rest.xsd");

    public static string SeedData => Path.Combine(RepositoryRoot, "seed-data");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketplaceCatalog.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MarketplaceCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}

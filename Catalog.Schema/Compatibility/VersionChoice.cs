namespace Catalog.Schema.Compatibility;

/// <summary>
/// Which solution version a client gets for a listing. Compatible with no version happens only without
/// filtering (a listing that has no versions is still listed); an incompatible listing never has a version.
/// </summary>
/// <param name="Index">Position in the listing's versions; -1 when there is none.</param>
/// <param name="IsCompatible">False hides the listing from lists and strips install data from its node.</param>
public readonly record struct VersionChoice(int Index, bool IsCompatible)
{
    public static VersionChoice Incompatible => new(-1, false);

    public static VersionChoice NoVersion => new(-1, true);

    public bool HasVersion => Index >= 0;
}

using Catalog.Schema.Model;

namespace Catalog.Schema.Wire;

/// <summary>
/// A listing as one client sees it: <see cref="VersionIndex"/> is the solution version chosen for the
/// client's release and OS, or -1 when none applies (an incompatible listing keeps its details but loses
/// <c>updateurl</c> and <c>ius</c>).
/// </summary>
public sealed record NodeView(Listing Listing, int VersionIndex)
{
    public SolutionVersion? Version => VersionIndex >= 0 ? Listing.Versions[VersionIndex] : null;
}

namespace Catalog.Schema.Compatibility;

/// <summary>
/// One Eclipse platform release as listings store it (major.minor). Maintenance releases such as
/// Kepler SR2 (4.3.2) or Mars.1 (4.5.1) are not releases of their own: listings only ever say "4.3" or "4.5".
/// </summary>
/// <param name="Index">Position in <see cref="ReleaseTable.All"/>, oldest = 0; stable because it is stored as a bit in release masks.</param>
/// <param name="Version">major.minor, e.g. <c>4.30</c>.</param>
/// <param name="Name">Release train name, e.g. <c>Luna</c> or <c>2023-12</c>.</param>
public sealed record EclipseRelease(int Index, string Version, string Name);

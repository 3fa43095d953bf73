namespace Catalog.Schema.Compatibility;

/// <summary>An <c>org.eclipse.core.runtime</c> version (qualifier dropped) and the release that first shipped it.</summary>
internal sealed record RuntimeBundleRow(OsgiVersion Runtime, EclipseRelease Release);

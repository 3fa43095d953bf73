namespace Catalog.Schema.Compatibility;

/// <summary>
/// A set of Eclipse releases as a 128-bit mask, so list and search queries can filter compatibility in SQL
/// instead of loading every listing's versions.
/// </summary>
/// <remarks>
/// Bit layout: bit <c>i</c> is the release with <see cref="EclipseRelease.Index"/> <c>i</c>. Bits 0–63 are
/// <see cref="Low"/> (bit i = <c>1L &lt;&lt; i</c>), bits 64–127 are <see cref="High"/> (bit i = <c>1L &lt;&lt; (i - 64)</c>).
/// Both halves are the raw 64 bits reinterpreted as signed <c>long</c>, because SQLite INTEGER is a signed
/// 64-bit value; bit 63 of a half therefore makes that half negative, which <c>&amp;</c> handles correctly.
/// Store them as <c>mask_lo</c> / <c>mask_hi</c> and filter with the target's <see cref="For"/> mask:
/// <c>((mask_lo &amp; @lo) != 0 OR (mask_hi &amp; @hi) != 0)</c>. Indexes never move (the table is append-only),
/// so stored masks stay valid as releases are added.
/// </remarks>
public readonly record struct ReleaseMask
{
    public const int Capacity = 128;

    private const int HalfWidth = 64;

    private ReleaseMask(UInt128 bits) => Bits = bits;

    public static ReleaseMask Empty => default;

    public UInt128 Bits { get; }

    /// <summary>Bits 0–63 as SQLite stores them.</summary>
    public long Low => unchecked((long)(ulong)Bits);

    /// <summary>Bits 64–127 as SQLite stores them.</summary>
    public long High => unchecked((long)(ulong)(Bits >> HalfWidth));

    public bool IsEmpty => Bits == UInt128.Zero;

    /// <summary>Index of the newest release in the set; null when empty.</summary>
    public int? NewestIndex => IsEmpty ? null : Capacity - 1 - (int)UInt128.LeadingZeroCount(Bits);

    public static ReleaseMask For(EclipseRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (release.Index is < 0 or >= Capacity)
            throw new ArgumentOutOfRangeException(nameof(release), release.Index, "Release index does not fit a mask.");
        return new ReleaseMask(UInt128.One << release.Index);
    }

    /// <summary>The releases named by stored release strings; strings the table does not know are ignored.</summary>
    public static ReleaseMask Of(IEnumerable<string> releaseStrings, ReleaseTable table)
    {
        ArgumentNullException.ThrowIfNull(releaseStrings);
        ArgumentNullException.ThrowIfNull(table);
        var mask = Empty;
        foreach (var text in releaseStrings)
        {
            if (table.FindByVersion(text) is { } release)
                mask = mask.Union(For(release));
        }
        return mask;
    }

    /// <summary>Rebuilds a mask read back from its two SQLite columns.</summary>
    public static ReleaseMask FromStored(long low, long high) =>
        new(new UInt128(unchecked((ulong)high), unchecked((ulong)low)));

    public bool Contains(EclipseRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return release.Index is >= 0 and < Capacity && ((Bits >> release.Index) & UInt128.One) != UInt128.Zero;
    }

    public ReleaseMask Union(ReleaseMask other) => new(Bits | other.Bits);

    /// <summary>The release indexes in the set, oldest first.</summary>
    public IEnumerable<int> Indexes
    {
        get
        {
            for (var rest = Bits; rest != UInt128.Zero; rest &= rest - UInt128.One)
                yield return (int)UInt128.TrailingZeroCount(rest);
        }
    }

    public void Deconstruct(out long low, out long high)
    {
        low = Low;
        high = High;
    }
}

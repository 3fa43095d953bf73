using System.Collections.Immutable;

namespace Catalog.Schema.Compatibility;

/// <summary>
/// The facts of <c>shared/reference/ECLIPSE-RELEASES.md</c>, typed in so the server needs no file at runtime.
/// </summary>
internal static class ReleaseTableData
{
    /// <summary>
    /// Platform releases in chronological order; the position becomes <see cref="EclipseRelease.Index"/>,
    /// so rows may only ever be appended.
    /// 4.41 (2026-09) is deliberately absent: it was only a development stream when the table was written.
    /// Had it a row, a 4.41 client would match only listings that already name 4.41 (almost none); without
    /// it, rule 4 treats the client as "the newest known release or later" and it sees 4.40 listings.
    /// Add the row once 4.41 has shipped.
    /// </summary>
    public static readonly ImmutableArray<(string Version, string Name)> Releases =
    [
        ("3.5", "Galileo"),
        ("3.6", "Helios"),
        ("3.7", "Indigo"),
        ("3.8", "Juno 3.x"),
        ("4.2", "Juno"),
        ("4.3", "Kepler"),
        ("4.4", "Luna"),
        ("4.5", "Mars"),
        ("4.6", "Neon"),
        ("4.7", "Oxygen"),
        ("4.8", "Photon"),
        ("4.9", "2018-09"),
        ("4.10", "2018-12"),
        ("4.11", "2019-03"),
        ("4.12", "2019-06"),
        ("4.13", "2019-09"),
        ("4.14", "2019-12"),
        ("4.15", "2020-03"),
        ("4.16", "2020-06"),
        ("4.17", "2020-09"),
        ("4.18", "2020-12"),
        ("4.19", "2021-03"),
        ("4.20", "2021-06"),
        ("4.21", "2021-09"),
        ("4.22", "2021-12"),
        ("4.23", "2022-03"),
        ("4.24", "2022-06"),
        ("4.25", "2022-09"),
        ("4.26", "2022-12"),
        ("4.27", "2023-03"),
        ("4.28", "2023-06"),
        ("4.29", "2023-09"),
        ("4.30", "2023-12"),
        ("4.31", "2024-03"),
        ("4.32", "2024-06"),
        ("4.33", "2024-09"),
        ("4.34", "2024-12"),
        ("4.35", "2025-03"),
        ("4.36", "2025-06"),
        ("4.37", "2025-09"),
        ("4.38", "2025-12"),
        ("4.39", "2026-03"),
        ("4.40", "2026-06"),
    ];

    /// <summary>
    /// Every <c>org.eclipse.core.runtime</c> version a release (or a maintenance release such as 4.3.2) shipped,
    /// in chronological order, with the platform release it belongs to. Rows that repeat a runtime version
    /// (4.2, 4.27, 4.33, 4.40) are kept as facts; the table resolves them to the earlier release (rule 3).
    /// The 4.41 stream's 3.35.0 is left out for the reason given on <see cref="Releases"/>.
    /// </summary>
    public static readonly ImmutableArray<(string Runtime, string Release)> RuntimeBundles =
    [
        ("3.5.0.v20090525", "3.5"),
        ("3.6.0.v20100505", "3.6"),
        ("3.7.0.v20110110", "3.7"),
        ("3.8.0.v20120521-2346", "3.8"),
        ("3.8.0.v20120521-2346", "4.2"),
        ("3.8.0.v20120912-155025", "4.2"),
        ("3.9.0.v20130326-1255", "4.3"),
        ("3.9.100.v20131218-1515", "4.3"),
        ("3.10.0.v20140318-2214", "4.4"),
        ("3.11.0.v20150405-1723", "4.5"),
        ("3.11.1.v20150903-1804", "4.5"),
        ("3.12.0.v20160606-1342", "4.6"),
        ("3.13.0.v20170207-1030", "4.7"),
        ("3.14.0.v20180417-0825", "4.8"),
        ("3.15.0.v20180817-1401", "4.9"),
        ("3.15.100.v20181107-1343", "4.10"),
        ("3.15.200.v20190301-1641", "4.11"),
        ("3.15.300.v20190508-0543", "4.12"),
        ("3.16.0.v20190823-1314", "4.13"),
        ("3.17.0.v20191122-2104", "4.14"),
        ("3.17.100.v20200203-0917", "4.15"),
        ("3.18.0.v20200506-2143", "4.16"),
        ("3.19.0.v20200724-1004", "4.17"),
        ("3.20.0.v20201027-1526", "4.18"),
        ("3.20.100.v20210111-0815", "4.19"),
        ("3.22.0.v20210506-1025", "4.20"),
        ("3.23.0.v20210730-2035", "4.21"),
        ("3.24.0.v20210910-0750", "4.22"),
        ("3.24.100.v20220211-2001", "4.23"),
        ("3.25.0.v20220506-1157", "4.24"),
        ("3.26.0.v20220813-0916", "4.25"),
        ("3.26.100.v20221021-0005", "4.26"),
        ("3.26.100.v20221021-0005", "4.27"),
        ("3.27.0.v20230515-1719", "4.28"),
        ("3.29.0.v20230726-0617", "4.29"),
        ("3.30.0.v20231102-0719", "4.30"),
        ("3.31.0.v20240215-1631", "4.31"),
        ("3.31.100.v20240524-2010", "4.32"),
        ("3.31.100.v20240524-2010", "4.33"),
        ("3.32.0.v20241003-0436", "4.34"),
        ("3.33.0.v20250206-0919", "4.35"),
        ("3.33.100.v20250516-0931", "4.36"),
        ("3.34.0.v20250711-1249", "4.37"),
        ("3.34.100.v20251111-1421", "4.38"),
        ("3.34.200.v20251220-0953", "4.39"),
        ("3.34.200.v20251220-0953", "4.40"),
    ];
}

using Catalog.Schema.Compatibility;
using Microsoft.Data.Sqlite;

namespace Catalog.Tests.Compatibility;

public class ReleaseMaskTests
{
    private static readonly ReleaseTable Table = ReleaseTable.Default;

    private static EclipseRelease Release(string version) =>
        Table.FindByVersion(version) ?? throw new InvalidOperationException(version + " is not in the table");

    [Test]
    public void OfSetsTheBitsOfTheNamedReleases()
    {
        var mask = ReleaseMask.Of(["4.2", "4.7", "4.30"], Table);

        Assert.That(mask.Bits, Is.EqualTo((UInt128.One << 4) | (UInt128.One << 9) | (UInt128.One << 32)));
    }

    [TestCase("4.2", true)]
    [TestCase("4.7", true)]
    [TestCase("4.3", false)]
    [TestCase("3.8", false)]
    [TestCase("4.40", false)]
    public void ContainsOnlyTheNamedReleases(string version, bool expected)
    {
        var mask = ReleaseMask.Of(["4.2", "4.7"], Table);

        Assert.That(mask.Contains(Release(version)), Is.EqualTo(expected));
    }

    [Test]
    public void OfIgnoresStringsTheTableDoesNotKnow()
    {
        var mask = ReleaseMask.Of(["4.41", "4.1", "abc", "", "Oxygen", "4.7"], Table);

        Assert.That(mask, Is.EqualTo(ReleaseMask.For(Release("4.7"))));
    }

    [Test]
    public void OfOnlyUnknownStringsIsEmpty()
    {
        var mask = ReleaseMask.Of(["4.41", "abc"], Table);

        Assert.That(mask.IsEmpty, Is.True);
        Assert.That(mask, Is.EqualTo(ReleaseMask.Empty));
    }

    [Test]
    public void EqualSetsAreEqualWhateverTheOrderOrRepetition()
    {
        Assert.That(ReleaseMask.Of(["4.7", "4.2"], Table), Is.EqualTo(ReleaseMask.Of(["4.2", "4.7.0", "4.7"], Table)));
    }

    [Test]
    public void UnionHoldsTheReleasesOfBoth()
    {
        var union = ReleaseMask.Of(["4.2", "4.3"], Table).Union(ReleaseMask.Of(["4.3", "4.14"], Table));

        Assert.That(union, Is.EqualTo(ReleaseMask.Of(["4.2", "4.3", "4.14"], Table)));
    }

    [Test]
    public void EmptyHasNoNewestIndex()
    {
        Assert.That(ReleaseMask.Empty.IsEmpty, Is.True);
        Assert.That(ReleaseMask.Empty.NewestIndex, Is.Null);
    }

    [Test]
    public void NewestIndexIsTheHighestSetBit()
    {
        var mask = ReleaseMask.Of(["4.14", "3.5", "4.8"], Table);

        Assert.That(mask.NewestIndex, Is.EqualTo(16));
        Assert.That(mask.IsEmpty, Is.False);
    }

    [TestCase(0L, 0L, null)]
    [TestCase(1L, 0L, 0)]
    [TestCase(long.MinValue, 0L, 63)]
    [TestCase(0L, 1L, 64)]
    [TestCase(-1L, long.MinValue, 127)]
    [TestCase(-1L, -1L, 127)]
    public void NewestIndexSpansBothHalves(long low, long high, int? expected)
    {
        Assert.That(ReleaseMask.FromStored(low, high).NewestIndex, Is.EqualTo(expected));
    }

    [TestCase(0, 1L, 0L)]
    [TestCase(1, 2L, 0L)]
    [TestCase(42, 1L << 42, 0L)]
    [TestCase(63, long.MinValue, 0L)]
    [TestCase(64, 0L, 1L)]
    [TestCase(127, 0L, long.MinValue)]
    public void BitILivesInLowBelow64AndInHighFrom64(int index, long expectedLow, long expectedHigh)
    {
        var mask = ReleaseMask.For(new EclipseRelease(index, "x", "x"));

        Assert.That((mask.Low, mask.High), Is.EqualTo((expectedLow, expectedHigh)));
    }

    [Test]
    public void LowOfGalileoIsOne()
    {
        var (low, high) = ReleaseMask.Of(["3.5"], Table);

        Assert.That((low, high), Is.EqualTo((1L, 0L)));
    }

    [TestCase(0L, 0L)]
    [TestCase(0x1234_5678_9ABC_DEF0L, 42L)]
    [TestCase(long.MinValue, long.MinValue)]
    [TestCase(-1L, -1L)]
    [TestCase(-2L, long.MaxValue)]
    public void FromStoredRoundTrips(long low, long high)
    {
        var mask = ReleaseMask.FromStored(low, high);

        Assert.That((mask.Low, mask.High), Is.EqualTo((low, high)));
    }

    [TestCase(-1)]
    [TestCase(128)]
    public void ForRefusesAnIndexOutsideTheMask(int index)
    {
        Assert.That(() => ReleaseMask.For(new EclipseRelease(index, "x", "x")), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(-1)]
    [TestCase(128)]
    public void ContainsIsFalseForAnIndexOutsideTheMask(int index)
    {
        Assert.That(ReleaseMask.FromStored(-1, -1).Contains(new EclipseRelease(index, "x", "x")), Is.False);
    }

    [Test]
    public void SqliteFilterFindsEveryStoredBitIncludingTheSignBits()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE listing (id INTEGER PRIMARY KEY, mask_lo INTEGER NOT NULL, mask_hi INTEGER NOT NULL)");

        int[] indexes = [0, 9, 42, 63, 64, 100, 127];
        foreach (var index in indexes)
        {
            var (low, high) = ReleaseMask.For(new EclipseRelease(index, "x", "x"));
            Execute(connection, "INSERT INTO listing (id, mask_lo, mask_hi) VALUES ($id, $lo, $hi)", ("$id", index), ("$lo", low), ("$hi", high));
        }
        var all = ReleaseMask.FromStored(-1, -1);
        Execute(connection, "INSERT INTO listing (id, mask_lo, mask_hi) VALUES (1000, $lo, $hi)", ("$lo", all.Low), ("$hi", all.High));

        using (Assert.EnterMultipleScope())
        {
            foreach (var index in indexes.Append(1))
            {
                var target = ReleaseMask.For(new EclipseRelease(index, "x", "x"));
                var ids = Query(connection, target);
                var expected = indexes.Contains(index) ? new long[] { index, 1000 } : [1000];
                Assert.That(ids, Is.EqualTo(expected), $"bit {index}");
            }
        }
    }

    [Test]
    public void StoredMaskReadBackFromSqliteEqualsTheOriginal()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE listing (mask_lo INTEGER NOT NULL, mask_hi INTEGER NOT NULL)");
        var original = ReleaseMask.Of(["3.5", "4.7", "4.40"], Table).Union(ReleaseMask.FromStored(long.MinValue, long.MinValue));
        Execute(connection, "INSERT INTO listing VALUES ($lo, $hi)", ("$lo", original.Low), ("$hi", original.High));

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT mask_lo, mask_hi FROM listing";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);

        Assert.That(ReleaseMask.FromStored(reader.GetInt64(0), reader.GetInt64(1)), Is.EqualTo(original));
    }

    private static List<long> Query(SqliteConnection connection, ReleaseMask target)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM listing WHERE (mask_lo & $lo) != 0 OR (mask_hi & $hi) != 0 ORDER BY id";
        command.Parameters.AddWithValue("$lo", target.Low);
        command.Parameters.AddWithValue("$hi", target.High);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}

using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;

namespace Catalog.Store.Sqlite.Publishing;

/// <summary>Publisher profiles. Saving one rewrites its live listings, so that is <see cref="PackageStore.SaveProfileAsync"/>.</summary>
public sealed class PublisherStore(SqliteConnectionFactory connections, TimeProvider clock) : IPublisherStore
{
    internal const string Columns = """
        id AS Id, display_name AS DisplayName, company_name AS CompanyName, email AS Email,
        homepage_url AS HomepageUrl, foundation_member AS FoundationMember, created_at AS CreatedAt, changed_at AS ChangedAt
        """;

    public async Task<Publisher> CreateAsync(string displayName, CancellationToken ct)
    {
        var now = StoreTime.ToText(clock.GetUtcNow());
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO publishers (display_name, created_at, changed_at) VALUES (@displayName, @now, @now) RETURNING id",
            new { displayName, now }, cancellationToken: ct)).ConfigureAwait(false);
        return (await GetAsync((int)id, ct).ConfigureAwait(false))!;
    }

    public async Task<Publisher?> GetAsync(int id, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<PublisherRow>(new CommandDefinition(
            $"SELECT {Columns} FROM publishers WHERE id = @id", new { id }, cancellationToken: ct)).ConfigureAwait(false);
        return row?.ToModel();
    }

    public async Task<(int Total, IReadOnlyList<Publisher> Page)> ListAsync(int offset, int limit, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM publishers", cancellationToken: ct)).ConfigureAwait(false);
        var rows = await c.QueryAsync<PublisherRow>(new CommandDefinition(
            $"SELECT {Columns} FROM publishers ORDER BY id LIMIT @limit OFFSET @offset", new { offset, limit }, cancellationToken: ct)).ConfigureAwait(false);
        return ((int)total, rows.Select(r => r.ToModel()).ToList());
    }

    internal sealed record PublisherRow(
        long Id, string DisplayName, string CompanyName, string Email, string HomepageUrl, long FoundationMember, string CreatedAt, string ChangedAt)
    {
        public Publisher ToModel() => new()
        {
            Id = (int)Id, DisplayName = DisplayName, CompanyName = CompanyName, Email = Email, HomepageUrl = HomepageUrl,
            FoundationMember = FoundationMember != 0, CreatedAt = StoreTime.Parse(CreatedAt), ChangedAt = StoreTime.Parse(ChangedAt),
        };
    }
}

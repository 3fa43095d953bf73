namespace Catalog.Schema.Publishing;

public interface IPublisherStore
{
    Task<Publisher> CreateAsync(string displayName, CancellationToken ct);

    Task<Publisher?> GetAsync(int id, CancellationToken ct);

    Task<(int Total, IReadOnlyList<Publisher> Page)> ListAsync(int offset, int limit, CancellationToken ct);
}

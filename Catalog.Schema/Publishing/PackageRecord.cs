namespace Catalog.Schema.Publishing;

/// <summary>
/// A package as stored: the live listing's approved content and, apart from it, the revision under work.
/// A seeded or imported listing the operator has not yet touched through the API is a record that is not
/// <see cref="Adopted"/>: live, without a publisher, its content read from the listing.
/// </summary>
public sealed record PackageRecord
{
    public required int Id { get; init; }
    public required string ExternalKey { get; init; }
    public int? PublisherId { get; init; }
    public bool Live { get; init; }
    public bool Removed { get; init; }
    public PackageContent? LiveContent { get; init; }
    public string? PendingState { get; init; }
    public PackageContent? PendingContent { get; init; }
    public string PendingMessage { get; init; } = "";
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>Whether a packages row exists (false: a listing the API has not managed yet).</summary>
    public bool Adopted { get; init; } = true;

    public string State => Removed ? PackageStates.Removed : PendingState ?? (Live ? PackageStates.Published : PackageStates.Unpublished);

    /// <summary>What an edit starts from: the pending revision, else the approved content.</summary>
    public PackageContent? WorkingCopy => PendingContent ?? LiveContent;
}

/// <summary>The states a package is in (<see cref="PackageRecord.State"/>); the first three are of a pending revision.</summary>
public static class PackageStates
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Rejected = "rejected";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Removed = "removed";
}

/// <summary>One state change: what was done, the state after it, by whom and when.</summary>
public sealed record PackageHistoryEntry(string Action, string State, string Actor, DateTimeOffset At, string Message);

/// <summary>A sort key of package lists: <c>changed</c>, <c>created</c>, <c>name</c> or <c>id</c>.</summary>
public sealed record PackageSort(string Field, bool Descending);

/// <summary>A history entry to record with a write: the action, the state it leaves, why, and who when not the caller.</summary>
public sealed record HistoryStep(string Action, string State, string Message = "", string? Actor = null);

namespace Catalog.Server.Commands;

/// <summary>What a command's exit code means; the README's command table lists the same.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command could not do its work (unreadable input, index in use, store not migrated, ...).</summary>
    public const int Failed = 1;

    /// <summary>Unknown command, wrong arguments or an invalid setting; nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary><c>check</c> found the store and the index disagree.</summary>
    public const int Differences = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}

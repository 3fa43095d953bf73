namespace Catalog.Server.Commands;

/// <summary>
/// One verb of the command line. Adding a command is a class implementing this and one line in
/// <see cref="CommandLine.Commands"/>; parsing, <c>--help</c>, settings, errors and exit codes are shared.
/// </summary>
public interface ICatalogCommand
{
    /// <summary>The verb typed after the program name.</summary>
    string Name { get; }

    /// <summary>Arguments as typed, e.g. <c>import DIR</c>; shown in help and in usage errors.</summary>
    string Synopsis { get; }

    /// <summary>What it does, one or more lines, shown by <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Options without a value (<c>--force</c>) this command reads from <see cref="CommandContext.Switches"/>; every other <c>--x</c> is a setting.</summary>
    IReadOnlyCollection<string> Switches => [];

    /// <returns>One of <see cref="ExitCodes"/>.</returns>
    Task<int> RunAsync(CommandContext context);
}

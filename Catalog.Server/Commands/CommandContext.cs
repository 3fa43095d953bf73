namespace Catalog.Server.Commands;

/// <summary>A command's parsed arguments and the shared means to act on them.</summary>
public sealed class CommandContext
{
    public required ICatalogCommand Command { get; init; }

    /// <summary>Positional arguments after the verb.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>The command's own <see cref="ICatalogCommand.Switches"/> that were given.</summary>
    public required IReadOnlySet<string> Switches { get; init; }

    /// <summary><c>--Section:Key=value</c> (or <c>--key value</c>) arguments, passed to the host's configuration.</summary>
    public required IReadOnlyList<string> Settings { get; init; }

    public required CommandConsole Console { get; init; }
    public required TimeProvider Clock { get; init; }
    public required CancellationToken Cancellation { get; init; }

    /// <summary>
    /// The value of a command's own named option (<c>--name=value</c> or <c>--name value</c>) among
    /// <see cref="Settings"/>; null when absent.
    /// </summary>
    public string? Option(string name)
    {
        var flag = "--" + name;
        for (var i = 0; i < Settings.Count; i++)
        {
            if (Settings[i] == flag && i + 1 < Settings.Count && !Settings[i + 1].StartsWith('-'))
                return Settings[i + 1];
            if (Settings[i].StartsWith(flag + "=", StringComparison.Ordinal))
                return Settings[i][(flag.Length + 1)..];
        }
        return null;
    }

    public TextWriter Out => Console.Out;
    public TextWriter Error => Console.Error;

    /// <summary>The catalog's services configured as the server configures them; see <see cref="CommandHost"/>.</summary>
    public Task<CommandHost> OpenHostAsync(bool migrate = true) => CommandHost.OpenAsync(Settings, migrate, Cancellation);

    /// <summary>Reports a usage mistake with the command's synopsis; returns <see cref="ExitCodes.Usage"/>.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine(message);
        Error.WriteLine($"Usage: {Command.Synopsis}   (more: {Command.Name} --help)");
        return ExitCodes.Usage;
    }

    /// <summary>Elapsed time as summaries print it: "3.2 s".</summary>
    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public ProgressReporter StartProgress(string verb, string unit, long total) =>
        new(Console.Error, Console.ErrorIsTerminal, Clock, verb, unit, total);
}

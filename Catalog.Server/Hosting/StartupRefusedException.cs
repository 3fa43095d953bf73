using Catalog.Server.Commands;

namespace Catalog.Server.Hosting;

/// <summary>
/// A mistake or condition the operator can fix, found before anything was written: the command line prints
/// the message as one line (no stack trace) and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class StartupRefusedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>A setting that is unknown, of the wrong type or malformed: <see cref="ExitCodes.Usage"/>.</summary>
    public static StartupRefusedException Setting(string message) => new(message, ExitCodes.Usage);

    /// <summary>The machine is not as the settings need it (a port taken, a folder not writable): <see cref="ExitCodes.Failed"/>.</summary>
    public static StartupRefusedException Environment(string message) => new(message, ExitCodes.Failed);
}

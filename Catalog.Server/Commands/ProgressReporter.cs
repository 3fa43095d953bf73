using System.Globalization;

namespace Catalog.Server.Commands;

/// <summary>
/// "indexed 12000/100000 listings (12%)" on stderr for long work: redrawn in place at most four times a
/// second on a terminal, a plain line at most once a second otherwise, so a log stays readable.
/// </summary>
public sealed class ProgressReporter : IProgress<int>
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(1);

    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly TimeProvider _clock;
    private readonly string _verb;
    private readonly string _unit;
    private readonly long _total;
    private readonly long _started;
    private long _lastShown;
    private long _shownDone = -1;
    private long _done;

    public ProgressReporter(TextWriter error, bool terminal, TimeProvider clock, string verb, string unit, long total)
    {
        _error = error;
        _terminal = terminal;
        _clock = clock;
        _verb = verb;
        _unit = unit;
        _total = total;
        _started = clock.GetTimestamp();
        _lastShown = _started;
    }

    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    public void Report(int value)
    {
        _done = value;
        var now = _clock.GetTimestamp();
        if (_clock.GetElapsedTime(_lastShown, now) < (_terminal ? TerminalInterval : PlainInterval))
            return;
        _lastShown = now;
        Show();
    }

    /// <summary>Shows the final count (once) and ends the line being redrawn.</summary>
    public void Complete()
    {
        if (_shownDone != _done)
            Show();
        if (_terminal)
            _error.WriteLine();
    }

    private void Show()
    {
        _shownDone = _done;
        var percent = _total > 0 ? $" ({Math.Min(100, _done * 100 / _total).ToString(CultureInfo.InvariantCulture)}%)" : "";
        var line = string.Create(CultureInfo.InvariantCulture, $"{_verb} {_done}/{_total} {_unit}{percent}");
        if (_terminal)
            _error.Write($"\r{line}\u001b[K"); // erase what a longer previous line left
        else
            _error.WriteLine(line);
        _error.Flush();
    }
}

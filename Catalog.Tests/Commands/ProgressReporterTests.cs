using Catalog.Server.Commands;

namespace Catalog.Tests.Commands;

public sealed class ProgressReporterTests
{
    /// <summary>Time moves only when the test says so.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => ticks;
        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    [Test]
    public void Plain_lines_at_most_once_a_second_and_the_final_count_once()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new ProgressReporter(error, terminal: false, clock, "indexed", "listings", 100_000);

        for (var done = 1; done <= 100_000; done++)
        {
            progress.Report(done);
            if (done % 1000 == 0)
                clock.Advance(TimeSpan.FromMilliseconds(100)); // 10 000 reports a second
        }
        progress.Complete();

        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.InRange(9, 11)); // ten seconds of work
        Assert.That(lines[0], Is.EqualTo("indexed 10001/100000 listings (10%)"));
        Assert.That(lines[^1], Is.EqualTo("indexed 100000/100000 listings (100%)"));
        Assert.That(lines.Distinct().Count(), Is.EqualTo(lines.Length));
        Assert.That(progress.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void On_a_terminal_one_line_is_redrawn_up_to_four_times_a_second()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new ProgressReporter(error, terminal: true, clock, "indexed", "listings", 1000);
        for (var done = 1; done <= 1000; done++)
        {
            progress.Report(done);
            clock.Advance(TimeSpan.FromMilliseconds(1)); // one second in all
        }
        progress.Complete();

        var text = error.ToString();
        Assert.That(text.Count(c => c == '\r'), Is.InRange(4, 5));
        Assert.That(text, Does.EndWith($"\rindexed 1000/1000 listings (100%)\u001b[K{Environment.NewLine}"));
        Assert.That(text.TrimEnd().Contains('\n'), Is.False);
    }

    [Test]
    public void Nothing_to_do_still_says_so_once()
    {
        var error = new StringWriter();
        var progress = new ProgressReporter(error, terminal: false, new ManualClock(), "written", "listings", 0);
        progress.Complete();
        Assert.That(error.ToString().TrimEnd(), Is.EqualTo("written 0/0 listings"));
    }
}

using Spectre.Console;

namespace WeClick.Cli.Commands;

/// <summary>Progress for long work: a live bar in a terminal, a plain line per 10 % when output is redirected.</summary>
internal static class ConsoleProgress
{
    /// <summary>Whether a live display can be drawn (an interactive terminal, standard error not redirected).</summary>
    public static bool IsInteractive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected;

    public static T Run<T>(string description, int total, Func<IProgress<int>, T> work)
    {
        if (IsInteractive)
        {
            T result = default!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                    result = work(new Progress<int>(done => task.Value = done));
                    task.Value = task.MaxValue;
                });
            return result;
        }
        var lastDecile = -1;
        var plain = new SynchronousProgress(done =>
        {
            var decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile)
            {
                lastDecile = decile;
                Console.Error.WriteLine($"{description}: {done}/{total}");
            }
        });
        return work(plain);
    }

    // Progress<T> posts to the thread pool; plain lines must come out in order, on the caller's thread.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

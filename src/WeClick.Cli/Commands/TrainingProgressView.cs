using System.Globalization;
using Spectre.Console;
using WeClick.Training;

namespace WeClick.Cli.Commands;

/// <summary>
/// Shows training updates: a live bar (epoch, step, losses, LR, images/s, ETA) in a terminal, and plain lines — every
/// tenth of an epoch, each validation and each epoch end — when output is redirected (logs, CI, notebooks' subprocesses).
/// </summary>
internal static class TrainingProgressView
{
    /// <summary>Runs <paramref name="work"/> with an observer that draws its updates.</summary>
    public static T Run<T>(string title, Func<Action<TrainingUpdate>, T> work)
    {
        if (ConsoleProgress.IsInteractive)
        {
            T result = default!;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                    result = work(update =>
                    {
                        task.MaxValue = Math.Max(update.Steps, 1);
                        task.Value = update.Step;
                        task.Description = Markup.Escape($"{title} {Line(update)}");
                        if (update.Kind == TrainingUpdateKind.Validated)
                        {
                            AnsiConsole.MarkupLine(Markup.Escape($"  {title}: {Line(update)}"));
                        }
                    });
                });
            return result;
        }
        long lastReported = -1;
        return work(update =>
        {
            var perEpoch = Math.Max(1, update.Steps / Math.Max(1, update.Epochs));
            var tick = Math.Max(1, perEpoch / 10);
            var due = update.Kind != TrainingUpdateKind.Step || update.Step == 1 || update.Step % tick == 0;
            if (due && update.Step != lastReported || update.Kind is TrainingUpdateKind.Validated or TrainingUpdateKind.Finished)
            {
                lastReported = update.Step;
                Console.Error.WriteLine($"{title}: {Line(update)}");
            }
        });
    }

    /// <summary>One line of an update: epoch, step, losses, LR, speed, ETA, validation.</summary>
    public static string Line(TrainingUpdate u)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Create(c, $"epoch {u.Epoch}/{u.Epochs}"),
            string.Create(c, $"step {u.Step}/{u.Steps}"),
        };
        if (u.Losses.Count > 0)
        {
            parts.Add(string.Join(" ", u.Losses.OrderBy(l => l.Key == "total" ? 0 : 1).ThenBy(l => l.Key).Select(l => string.Create(c, $"{l.Key} {l.Value:F4}"))));
        }
        parts.Add(string.Create(c, $"lr {u.LearningRate:G3}"));
        if (u.ImagesPerSecond > 0)
        {
            parts.Add(string.Create(c, $"{u.ImagesPerSecond:F1} img/s"));
            parts.Add(string.Create(c, $"eta {u.Eta:hh\\:mm\\:ss}"));
        }
        if (u.Validation is { } v)
        {
            parts.Add("val " + string.Join(" ", v.Select(m => string.Create(c, $"{m.Key} {m.Value:F4}"))));
        }
        if (u.Kind == TrainingUpdateKind.Finished)
        {
            parts.Add("done");
        }
        return string.Join(" | ", parts);
    }
}

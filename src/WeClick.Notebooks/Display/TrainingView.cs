using System.Diagnostics;
using System.Globalization;
using System.Net;
using WeClick.Notebooks.Execution;
using WeClick.Reports;
using WeClick.Training;

namespace WeClick.Notebooks.Display;

/// <summary>
/// A training run's progress as one notebook output that redraws in place (Jupyter <c>update_display_data</c>): a status
/// line — epoch, step, the loss parts, learning rate, images/s and ETA — and the curve of the total loss, with the
/// validation mIoU when the run validates. A cell wires it with one line:
/// <code>var run = ExperimentTraining.TrainTeacher(config, seed, folder, json, new TrainingHooks { Observer = TrainingView.Show("teacher").Observe });</code>
/// </summary>
/// <remarks>
/// It redraws at most every <see cref="RedrawInterval"/> (and at every epoch end and validation), so a fast loop does not
/// flood the frontend. When the run finishes, the status drops the timing figures (images/s, ETA) and keeps only values
/// that the same seed reproduces, so a notebook's saved outputs are the same on every run — headless or in Jupyter.
/// </remarks>
public sealed class TrainingView : IMimeRenderable
{
    private readonly Lock _gate = new();
    private readonly List<(double X, double Y)> _losses = [];
    private readonly List<(double X, double Y)> _validation = [];
    private readonly Stopwatch _sinceRedraw = Stopwatch.StartNew();
    private DisplayedValue? _shown;
    private TrainingUpdate? _last;

    /// <summary>A view not yet shown (<see cref="Show(string)"/> makes and shows one).</summary>
    /// <param name="title">What is trained, e.g. "teacher" or "student weakly+KD".</param>
    public TrainingView(string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        Title = title;
    }

    /// <summary>What is trained.</summary>
    public string Title { get; }

    /// <summary>The shortest time between two redraws of a running view (default 0.5 s).</summary>
    public TimeSpan RedrawInterval { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The total loss of every step so far, as (step, loss).</summary>
    public IReadOnlyList<(double X, double Y)> Losses
    {
        get
        {
            lock (_gate)
            {
                return [.. _losses];
            }
        }
    }

    /// <summary>Makes a view and shows it in the running cell's output.</summary>
    /// <exception cref="InvalidOperationException">Not inside a running notebook cell.</exception>
    public static TrainingView Show(string title)
    {
        var view = new TrainingView(title);
        view._shown = NotebookDisplay.Show(view);
        return view;
    }

    /// <summary>Takes one update (pass as <c>TrainingHooks.Observer</c>); redraws the shown view when it is time.</summary>
    public void Observe(TrainingUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        bool redraw;
        lock (_gate)
        {
            _last = update;
            if (update.Kind == TrainingUpdateKind.Step && update.Losses.TryGetValue("total", out var total))
            {
                _losses.Add((update.Step, total));
            }
            if (update.Kind == TrainingUpdateKind.Validated && update.Validation?.TryGetValue("mIoU", out var miou) == true)
            {
                _validation.Add((update.Epoch, miou));
            }
            redraw = update.Kind != TrainingUpdateKind.Step || _sinceRedraw.Elapsed >= RedrawInterval;
        }
        if (redraw)
        {
            _shown?.Update(this);
            // Counted from the end of the redraw, so a slow frontend or figure cannot make every step redraw.
            lock (_gate)
            {
                _sinceRedraw.Restart();
            }
        }
    }

    /// <summary>The status line as shown (the final one has no timing figures).</summary>
    public string Status
    {
        get
        {
            lock (_gate)
            {
                return StatusLocked();
            }
        }
    }

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        string status;
        Plotly.NET.GenericChart chart;
        lock (_gate)
        {
            status = StatusLocked();
            // Validation mIoU per epoch, placed at the epoch's last step, beside the loss per step (copies of both lists).
            var stepsPerEpoch = _last is { Epochs: > 0 } last ? (double)last.Steps / last.Epochs : 1;
            chart = Charts.TrainingCurves(Title, [.. _losses], [.. _validation.Select(p => (p.X * stepsPerEpoch, p.Y))]);
        }
        var figure = chart.ToFigureJson(); // once, for both the plotly JSON and the HTML
        var html = $"<div><code>{WebUtility.HtmlEncode(status)}</code></div>\n" + ChartOutput.NotebookHtml(figure);
        return new MimeBundle(status).With("text/html", html).WithJson(ChartOutput.PlotlyMimeType, figure);
    }

    private string StatusLocked()
    {
        if (_last is not { } u)
        {
            return $"{Title}: starting";
        }
        var c = CultureInfo.InvariantCulture;
        var losses = string.Join(" ", u.Losses.OrderBy(l => l.Key == "total" ? "" : l.Key, StringComparer.Ordinal).Select(l => string.Create(c, $"{l.Key} {l.Value:F4}")));
        var best = _validation.Count > 0 ? string.Create(c, $"; best validation mIoU {100 * _validation.Max(v => v.Y):F1} %") : "";
        if (u.Kind == TrainingUpdateKind.Finished)
        {
            return string.Create(c, $"{Title}: done, {u.Epochs} epochs, {u.Steps} steps; last step: {losses}{best}");
        }
        return string.Create(c,
            $"{Title}: epoch {u.Epoch}/{u.Epochs}, step {u.Step}/{u.Steps}; {losses}; lr {u.LearningRate:G3}; {u.ImagesPerSecond:F1} img/s; ETA {u.Eta:hh\\:mm\\:ss}{best}");
    }
}

using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Runner;
using WeClick.Notebooks.Tests.Kernel;
using Xunit.Abstractions;

namespace WeClick.Notebooks.Tests.Platform;

/// <summary>
/// The tour in a live Jupyter Notebook 6 session, used through headless Chromium as a person uses it
/// (live_session_check.py): the server on loopback with a random token and a free port, our kernel found through its
/// installed kernelspec, Cell &gt; Run All, every figure drawn in the page with no JavaScript error, a typed loop stopped by
/// the toolbar's interrupt button, and the session still answering after it. NotebookExecutionTests checks an exported
/// page; this one checks what only a served notebook does: outputs arriving over the kernel's websocket, display updates
/// redrawing in place, the toolbar talking to the kernel.
/// </summary>
public sealed class LiveSessionTests(ITestOutputHelper output) : IDisposable
{
    private readonly JupyterStack stack = new();
    private readonly string folder = KernelFixtures.TempFolder();

    public void Dispose()
    {
        stack.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Tour_RunsAllInNotebook6_DrawsEveryFigure_AndItsToolbarInterruptStopsALoop()
    {
        // A small tour (fewer frames and epochs, as `-p` would give): this test is about the page, and the full tour's
        // outputs are already compared with the headless run by NotebookExecutionTests.
        var notebook = NotebookDocument.Load(Path.Combine(JupyterStack.RepositoryRoot, "notebooks", "00-tour.ipynb"));
        ParameterInjector.Inject(notebook,
            new[] { "trainSnippets=4", "teacherEpochs=2", "studentEpochs=1" }.Select(NotebookParameter.Parse).ToList());
        var served = Path.Combine(folder, "served");
        Directory.CreateDirectory(served);
        notebook.Save(Path.Combine(served, "00-tour.ipynb"));
        var screenshot = Path.Combine(JupyterStack.RepositoryRoot, "build", "notebook-screenshots", "00-tour-live.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot); // a stale one must not pass for this run's

        // The script's own deadlines (server, kernel, Run All, figures, interrupt) add up to 10 minutes and fail with a
        // message naming what did not happen; this one, past them, only stops a script that hangs.
        var result = stack.Python(Path.Combine("Platform", "live_session_check.py"), [served, "00-tour.ipynb", screenshot], TimeSpan.FromMinutes(11));

        var last = result.Stdout.Trim().Split('\n')[^1];
        var log = Path.Combine(folder, "notebook-server.log");
        var serverLog = File.Exists(log) ? File.ReadAllText(log) : "(no server log)";
        Assert.True(last.StartsWith('{'), $"live_session_check.py printed no result (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}\n{serverLog}");
        var observed = JsonNode.Parse(last)!;
        output.WriteLine(observed.ToJsonString(new() { WriteIndented = true })); // timings and what the page showed
        Assert.True(result.ExitCode == 0 && (bool)observed["ok"]!, $"{observed}\n{result.Stderr}\nserver log:\n{Tail(serverLog)}");
        Assert.Equal("weclick-csharp", (string?)observed["kernel"]);
        Assert.Equal("C# (WeClick)", (string?)observed["kernel_display_name"]);
        Assert.Equal(notebook.Cells.Count(c => c.CellType == NotebookCellType.Code), (int)observed["code_cells"]!);
        // The tour shows four figures (clicks, the students' losses, IoU per class, predictions), and each training run
        // its live view; every one of them must be on the page as a drawn plotly.js plot.
        var figures = (int)observed["figure_outputs"]!;
        Assert.True(figures >= 4, $"the page holds {figures} figure outputs");
        Assert.Equal(figures, (int)observed["drawn_figures"]!);
        Assert.Empty(observed["javascript_errors"]!.AsArray());
        Assert.InRange((double)observed["interrupt_seconds"]!, 0, 5);
        Assert.Contains("OperationCanceledException: The cell was interrupted.", (string?)observed["interrupt_shown"]);
        Assert.EndsWith("True", (string?)observed["after_interrupt"]);
        Assert.Empty(observed["left_behind"]!.AsArray());
        Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 100_000, $"the screenshot {screenshot} is missing or nearly empty");
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}

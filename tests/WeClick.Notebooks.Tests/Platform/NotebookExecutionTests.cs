using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Runner;
using WeClick.Notebooks.Tests.Kernel;
using WeClick.Testing;

namespace WeClick.Notebooks.Tests.Platform;

/// <summary>
/// The shipped notebooks, executed twice — headless by <c>weclick notebook run</c> and through the real Jupyter stack by
/// Debian's <c>jupyter nbconvert --execute</c> against our installed kernel — must run without error and give the same
/// outputs (timings live only in metadata, which is ignored). The nbconvert result is then exported to HTML and opened in
/// headless Chromium: every Plotly figure must draw (its SVG exists) and the page must log no JavaScript error; a
/// screenshot lands in build/notebook-screenshots/ for a person to look at.
/// </summary>
public sealed class NotebookExecutionTests : IDisposable
{
    private readonly JupyterStack stack = new();
    private readonly string folder = KernelFixtures.TempFolder();

    public void Dispose()
    {
        stack.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Tour_RunsHeadlessAndInJupyter_WithTheSameOutputs_AndItsFiguresDrawInABrowser() => RunAndCompare("00-tour", []);

    // Its CamVid cells need the real CamVid subset (../shared/data): without it (a fresh clone) the test is skipped,
    // saying what is missing, rather than failing on the figures those cells would have drawn.
    [CamVidFact]
    public void ClickGeneration_RunsHeadlessAndInJupyter_WithTheSameOutputs_AndItsFiguresDrawInABrowser() =>
        RunAndCompare("01-click-generation", [NotebookParameter.Raw("camvidRoot", SharedData.CamVid)]);

    // What a Polyglot Notebooks user does in most notebooks, through the real Jupyter stack: a NuGet package restored in a
    // cell, a Plotly.NET chart made in a cell, and a finished sweep read out of the results store as DataFrames; then the
    // exported page draws the chart in Chromium.
    [Fact]
    public void NuGetPackage_PlotlyNetChart_AndSweepDataFrames_DisplayUnderNbconvert_AndDrawInABrowser()
    {
        const string name = "packages-charts-frames";
        var notebook = Prepare(NotebookDocument.Load(Path.Combine(AppContext.BaseDirectory, "Platform", name + ".ipynb")), "jupyter", name);

        var executed = stack.Jupyter(["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=weclick-csharp",
            "--ExecutePreprocessor.timeout=600", "--output", "out", notebook], TimeSpan.FromMinutes(10));
        Assert.True(executed.ExitCode == 0, $"nbconvert --execute failed:\n{executed.Stderr}");

        var outputs = JupyterStack.Outputs(Path.Combine(Path.GetDirectoryName(notebook)!, "out.ipynb"));
        // JupyterStack.Outputs has joined each text field into one string already.
        static string Plain(JsonNode output) => (string)output["data"]!["text/plain"]!;
        var restore = Assert.Single(outputs[1]!["outputs"]!.AsArray())!;
        Assert.StartsWith("Restored Plotly.NET.CSharp 0.14.0", Plain(restore));
        // (The session's first figure is preceded by plotly.js itself, one output.)
        var chart = Assert.Single(outputs[2]!["outputs"]!.AsArray(), o => o!["data"]?["application/vnd.plotly.v1+json"] is not null)!["data"]!;
        var trace = chart["application/vnd.plotly.v1+json"]!["data"]![0]!;
        Assert.Equal("[1,2,3,4]", trace["x"]!.ToJsonString());
        Assert.Equal("[0.9,0.6,0.45,0.4]", trace["y"]!.ToJsonString());
        Assert.Equal("loss", (string?)trace["name"]);
        Assert.Contains("Plotly.newPlot", (string)chart["text/html"]!);
        var runs = Assert.Single(outputs[4]!["outputs"]!.AsArray())!;
        Assert.StartsWith("DataFrame (3 rows × ", Plain(runs));
        Assert.Equal(3, Regex.Matches((string)runs["data"]!["text/html"]!, "<td[^>]*>ablation-wf-sign</td>").Count);
        var summary = Assert.Single(outputs[5]!["outputs"]!.AsArray())!;
        Assert.Contains("mIoU_mean", (string)summary["data"]!["text/html"]!);
        Assert.Contains("decreasing", Plain(summary));
        Assert.Contains("literal", Plain(summary));

        CheckInBrowser(Path.Combine(Path.GetDirectoryName(notebook)!, "out.ipynb"), name, figures: 1);
    }

    private void RunAndCompare(string name, IReadOnlyList<NotebookParameter> parameters)
    {
        // The same input for both runs: the shipped notebook with parameters injected as papermill does (CamVid from
        // the shared data folder; everything else the notebook's own defaults).
        var source = Path.Combine(JupyterStack.RepositoryRoot, "notebooks", name + ".ipynb");
        var notebook = NotebookDocument.Load(source);
        ParameterInjector.Inject(notebook, parameters);
        var headless = Prepare(notebook, "headless", name);
        var jupyter = Prepare(notebook, "jupyter", name);

        var run = JupyterStack.Weclick(["notebook", "run", headless, "-o", Path.Combine(Path.GetDirectoryName(headless)!, "out.ipynb")], TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, $"notebook run failed:\n{run.Stdout}\n{run.Stderr}");

        var executed = stack.Jupyter(["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=weclick-csharp",
            "--ExecutePreprocessor.timeout=600", "--output", "out", jupyter], TimeSpan.FromMinutes(10));
        Assert.True(executed.ExitCode == 0, $"nbconvert --execute failed:\n{executed.Stderr}");

        var headlessOutputs = JupyterStack.Outputs(Path.Combine(Path.GetDirectoryName(headless)!, "out.ipynb"));
        var jupyterOutputs = JupyterStack.Outputs(Path.Combine(Path.GetDirectoryName(jupyter)!, "out.ipynb"));
        Assert.Equal(headlessOutputs.Count, jupyterOutputs.Count);
        for (var i = 0; i < headlessOutputs.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(headlessOutputs[i], jupyterOutputs[i]),
                $"code cell {i + 1} differs:\nheadless: {Shorten(headlessOutputs[i])}\njupyter:  {Shorten(jupyterOutputs[i])}");
        }
        Assert.All(headlessOutputs, cell => Assert.DoesNotContain(cell!["outputs"]!.AsArray(), o => (string?)o!["output_type"] == "error"));
        var figures = headlessOutputs.Sum(cell => cell!["outputs"]!.AsArray().Count(o => o!["data"]?["application/vnd.plotly.v1+json"] is not null));
        Assert.True(figures >= 3, $"{name} shows {figures} Plotly figures");

        CheckInBrowser(Path.Combine(Path.GetDirectoryName(jupyter)!, "out.ipynb"), name, figures);
    }

    private string Prepare(NotebookDocument notebook, string run, string name)
    {
        var directory = Path.Combine(folder, run);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".ipynb");
        notebook.Save(path);
        return path;
    }

    private void CheckInBrowser(string executedNotebook, string name, int figures)
    {
        var export = stack.Jupyter(["nbconvert", "--to", "html", executedNotebook], TimeSpan.FromMinutes(2));
        Assert.True(export.ExitCode == 0, export.Stderr);
        var page = Path.ChangeExtension(executedNotebook, ".html");
        var url = new Uri(page).AbsoluteUri;
        string[] browser = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=20000",
            "--enable-logging=stderr", "--v=0"];

        var dom = KernelFixtures.Run("/usr/bin/chromium", [.. browser, "--dump-dom", url], TimeSpan.FromMinutes(2));
        Assert.True(dom.ExitCode == 0, dom.Stderr);
        var divs = Regex.Matches(dom.Stdout, "<div id=\"weclick-figure-[^\"]+\" class=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(figures, divs.Count);
        Assert.All(divs, classes => Assert.Contains("js-plotly-plot", classes));
        Assert.True(Regex.Matches(dom.Stdout, "class=\"main-svg\"").Count >= figures, "a figure has no SVG");
        Assert.DoesNotMatch(">plotly\\.js could not be loaded", dom.Stdout); // the loader's message in a figure's place
        var jsErrors = dom.Stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)
            && Regex.IsMatch(l, "Uncaught|TypeError|ReferenceError|SyntaxError|RangeError")).ToList();
        Assert.True(jsErrors.Count == 0, "JavaScript errors:\n" + string.Join('\n', jsErrors));

        var screenshots = Path.Combine(JupyterStack.RepositoryRoot, "build", "notebook-screenshots");
        Directory.CreateDirectory(screenshots);
        var png = Path.Combine(screenshots, name + ".png");
        var shot = KernelFixtures.Run("/usr/bin/chromium", [.. browser, "--window-size=1280,4000", "--hide-scrollbars", $"--screenshot={png}", url], TimeSpan.FromMinutes(2));
        Assert.True(shot.ExitCode == 0 && File.Exists(png), shot.Stderr);
    }

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 2000 ? text : text[..2000] + "…";
    }
}

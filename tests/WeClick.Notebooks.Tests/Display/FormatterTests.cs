using System.Globalization;
using WeClick.Notebooks.Display;
using WeClick.Reports;
using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Notebooks.Tests.Display;

public sealed class FormatterTests
{
    private sealed record Run(string Name, double Miou);

    private sealed class Celsius(double degrees)
    {
        public double Degrees { get; } = degrees;
    }

    [Fact]
    public void Format_ScalarsAsInvariantPlainText()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1.5", Formatter.Format(1.5).Text);
            Assert.Equal("True", Formatter.Format(true).Text);
            Assert.Equal("null", Formatter.Format(null).Text);
            Assert.Equal(["text/plain"], Formatter.Format("x").Data.Keys);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Format_HtmlStringAndRestrictedTypes()
    {
        var html = Formatter.Format(new HtmlString("<i>x</i>"));
        Assert.Equal(["text/html", "text/plain"], html.Data.Keys.Order());

        var onlyPlain = Formatter.Format(new HtmlString("<i>x</i>"), ["text/plain"]);
        Assert.Equal(["text/plain"], onlyPlain.Data.Keys);
        Assert.Throws<ArgumentException>(() => Formatter.Format("text", ["image/png"]));
    }

    [Fact]
    public void EvaluationTypes_ShowTheirMetricTablesAndHeatmap()
    {
        // The evaluation types know nothing of notebooks (they sit below Reports); the formatter finds their forms.
        var matrix = new WeClick.Evaluation.ConfusionMatrix(2);
        matrix.Add(torch.tensor(new long[] { 0, 0, 1, 1 }, [2, 2]), torch.tensor(new long[] { 0, 1, 1, 1 }, [2, 2]));
        var metrics = Formatter.Format(matrix.Metrics(["road", "sky"]));
        Assert.StartsWith("mIoU 58.33%", metrics.Text, StringComparison.Ordinal);
        Assert.Contains("weclick-metrics", metrics.Data["text/html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(ChartOutput.PlotlyMimeType, Formatter.Format(matrix).Data.Keys);
        var evaluation = Formatter.Format(new WeClick.Evaluation.EvaluationResult("toy/val", matrix.Metrics(["road", "sky"]), matrix, 1, TimeSpan.FromSeconds(1)));
        Assert.StartsWith("Evaluation of toy/val", evaluation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_UsedForTheTypeAndItsSubtypes()
    {
        Formatter.Register<Celsius>(c => new MimeBundle($"{c.Degrees} °C").With("text/html", $"<b>{c.Degrees}</b>"));
        try
        {
            var bundle = Formatter.Format(new Celsius(21));
            Assert.Equal("21 °C", bundle.Text);
            Assert.Equal("<b>21</b>", bundle.Data["text/html"].GetValue<string>());
        }
        finally
        {
            Assert.True(Formatter.Unregister<Celsius>());
        }
        Assert.DoesNotContain("°C", Formatter.Format(new Celsius(21)).Text);
    }

    [Fact]
    public void Sequence_OfRecords_IsATableWithHiddenRowCount()
    {
        var runs = Enumerable.Range(0, 103).Select(i => new Run($"run{i}", i / 100.0)).ToList();
        var bundle = Formatter.Format(runs);

        var lines = bundle.Text.Split('\n');
        Assert.Equal("List<Run> (103 items)", lines[0]);
        Assert.Equal(["Name", "Miou"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["run1", "0.01"], lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("(3 more rows not shown)", lines[^1]);
        var html = bundle.Data["text/html"].GetValue<string>();
        Assert.Contains("<th>Name</th><th>Miou</th>", html);
        Assert.Contains("<td>run99</td><td>0.99</td>", html);
        Assert.DoesNotContain("run100", html);
    }

    [Fact]
    public void Sequence_OfTuplesAndScalars()
    {
        var tuples = Formatter.Format(new[] { (1, "a"), (2, "b") }).Data["text/html"].GetValue<string>();
        Assert.Contains("<th>Item1</th><th>Item2</th>", tuples);
        Assert.Contains("<td>2</td><td>b</td>", tuples);
        Assert.Contains("<th>value</th>", Formatter.Format(new[] { 1, 2 }).Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void Tensor_SmallLikePyTorchRepr()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal("tensor([0.5000, 1.2500])", Formatter.Format(torch.tensor(new[] { 0.5f, 1.25f })).Text);
        Assert.Equal("tensor([1., 2.], dtype=torch.float64)", Formatter.Format(torch.tensor(new[] { 1.0, 2.0 })).Text);
        Assert.Equal("tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])", Formatter.Format(torch.arange(8).reshape(2, 2, 2)).Text);
        Assert.Equal("tensor([ True, False])", Formatter.Format(torch.tensor(new[] { true, false })).Text);
        Assert.Equal("tensor(3)", Formatter.Format(torch.tensor(3L)).Text);
    }

    [Fact]
    public void Tensor_BigShowsShapeAndStatistics()
    {
        using var scope = torch.NewDisposeScope();
        var bundle = Formatter.Format(torch.arange(2000, dtype: ScalarType.Float32).reshape(40, 50));

        Assert.Equal("tensor(shape=[40, 50], dtype=float32, device=cpu)\nmin=0 max=1999 mean=999.5 std=577.495", bundle.Text);
        Assert.Equal(["text/plain"], bundle.Data.Keys);
    }

    [Fact]
    public void Tensor_HtmlTable_AndNonDefaultDtypeAndGrad()
    {
        using var scope = torch.NewDisposeScope();
        var bundle = Formatter.Format(torch.tensor(new[] { 1, 2, 3, 4 }).reshape(2, 2));

        Assert.Equal("tensor([[1, 2],\n        [3, 4]], dtype=torch.int32)", bundle.Text);
        var html = bundle.Data["text/html"].GetValue<string>();
        Assert.StartsWith("<table class=\"weclick-tensor\"><caption>tensor [2, 2] int32 cpu</caption>", html);
        Assert.Contains("<tr><th>1</th><td>3</td><td>4</td></tr>", html);
        Assert.Equal("tensor([0.5000, 2.0000], requires_grad=True)", Formatter.Format(torch.tensor(new[] { 0.5f, 2f }, requires_grad: true)).Text);
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00])", Formatter.Format(torch.tensor(new[] { 1e-5f, 1f })).Text);
    }

    [Fact]
    public void Tensor_Describe_IsTheOldOneLineForm_AndTablesUseIt()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.arange(8, dtype: ScalarType.Float32).reshape(2, 4);

        Assert.Equal("Tensor[2, 4] float32 cpu [0, 1, 2, 3, 4, 5, ...]", TensorFormatter.Describe(t));
        var table = Formatter.Format(new[] { (Name: "weights", Value: t) }).Data["text/html"].GetValue<string>();
        Assert.Contains("<td>Tensor[2, 4] float32 cpu [0, 1, 2, 3, 4, 5, ...]</td>", table);
        var disposed = torch.ones(1);
        disposed.Dispose();
        Assert.Equal("tensor(disposed)", Formatter.Format(disposed).Text);
    }
}

using WeClick.Experiments;
using WeClick.Reports;
using WeClick.Training;

namespace WeClick.Core.Tests.Reports;

public sealed class TableTests
{
    private static Table Sample() => new(["name", "mIoU", "note"],
    [
        ["a, \"quoted\"", 0.61234, "x|y"],
        ["<b>bold</b>", double.NaN, null],
    ], decimals: 2);

    [Fact]
    public void Csv_QuotesCommasAndQuotes_PerRfc4180_AndKeepsFullPrecision()
    {
        Assert.Equal("name,mIoU,note\r\n\"a, \"\"quoted\"\"\",0.61234,x|y\r\n<b>bold</b>,NaN,\r\n", Sample().ToCsv());
    }

    [Fact]
    public void Markdown_EscapesPipes_AndRightAlignsNumericColumns()
    {
        var lines = Sample().ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("| name | mIoU | note |", lines[0].TrimEnd('\r'));
        Assert.Equal("| --- | ---: | --- |", lines[1].TrimEnd('\r'));
        Assert.Equal("| a, \"quoted\" | 0.61 | x\\|y |", lines[2].TrimEnd('\r'));
        Assert.Equal("| <b>bold</b> | – |  |", lines[3].TrimEnd('\r'));
    }

    [Fact]
    public void Html_EscapesCells_AndHasAHeader()
    {
        var html = Sample().ToHtml();
        Assert.Contains("<thead><tr><th style=\"text-align:left\">name</th><th style=\"text-align:right\">mIoU</th>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align:right\">0.61</td>", html, StringComparison.Ordinal);
        var bundle = Sample().ToMimeBundle();
        Assert.Equal(html, bundle.Data["text/html"]!.GetValue<string>());
        Assert.Equal(Sample().ToText(), bundle.Text);
    }

    [Fact]
    public void Text_AlignsColumns_NumbersRight()
    {
        var text = new Table(["class", "IoU"], [["road", 97.5], ["traffic sign", 3.24]], decimals: 1).ToText().Split('\n');
        Assert.Equal(["class          IoU", "------------  ----", "road          97.5", "traffic sign   3.2"], text);
    }

    [Fact]
    public void RowsWithTheWrongCellCount_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => new Table(["a", "b"], [["only"]]));
        Assert.Contains("row 0 has 1 cells for 2 columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summaries_ShowMeanAndStdInPercent_OneColumnPerMetric()
    {
        var summaries = new[]
        {
            new RunGroupSummary(TrainingRole.Student, "weakly+KD", [1, 2], new Dictionary<string, SeedSummary> { ["mIoU"] = SeedSummary.Of([0.60, 0.62]), ["mPA"] = SeedSummary.Of([0.7]) }),
            new RunGroupSummary(TrainingRole.Teacher, "teacher", [1], new Dictionary<string, SeedSummary> { ["mIoU"] = SeedSummary.Of([0.7]) }),
        };
        var table = Tables.Summaries(summaries);
        Assert.Equal(["role", "variant", "seeds", "mIoU", "mPA"], table.Columns);
        Assert.Equal(["student", "weakly+KD", "1 2", "61.0 ± 1.4", "70.0 ± 0.0"], table.Rows[0].Select(table.Format));
        Assert.Equal(["teacher", "teacher", "1", "70.0 ± 0.0", ""], table.Rows[1].Select(table.Format));
    }

    [Fact]
    public void Summaries_OfOneRowWithTwoConfigs_ShowTheConfigColumn()
    {
        var miou = new Dictionary<string, SeedSummary> { ["mIoU"] = SeedSummary.Of([0.5]) };
        var two = Tables.Summaries([new RunGroupSummary(TrainingRole.Teacher, "weakly", [0], miou, "0a1b2c3d"), new RunGroupSummary(TrainingRole.Teacher, "weakly", [0], miou, "99887766")]);
        Assert.Equal(["role", "variant", "config", "seeds", "mIoU"], two.Columns);
        Assert.Equal(["teacher", "weakly", "99887766", "0", "50.0 ± 0.0"], two.Rows[1].Select(two.Format));

        var one = Tables.Summaries([new RunGroupSummary(TrainingRole.Teacher, "weakly", [0], miou, "0a1b2c3d"), new RunGroupSummary(TrainingRole.Student, "weakly", [0], miou, "99887766")]);
        Assert.Equal(["role", "variant", "seeds", "mIoU"], one.Columns);
    }

    [Fact]
    public void Runs_AndPerClassIoU_TablesCarryTheRecords()
    {
        var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var run = new RunRecord(7, "exp", TrainingRole.Student, "weakly", 3, "{}", RunStatus.Finished, started, started.AddMinutes(90), "ckpt.safetensors", null);
        var runs = Tables.Runs([run]);
        Assert.Equal(["7", "exp", "student", "weakly", "3", "finished", "2026-01-02 03:04:05", "01:30:00", "ckpt.safetensors", ""], runs.Rows[0].Select(runs.Format));

        var perClass = Tables.PerClassIoU([("r1", [new ClassIoU(1, "car", 0.5), new ClassIoU(0, "road", 0.9)]), ("r2", [new ClassIoU(0, "road", 0.8), new ClassIoU(1, "car", null)])]);
        Assert.Equal(["class", "r1", "r2"], perClass.Columns);
        Assert.Equal(["road", "90.0", "80.0"], perClass.Rows[0].Select(perClass.Format));
        Assert.Equal(["car", "50.0", ""], perClass.Rows[1].Select(perClass.Format));
        Assert.Throws<ArgumentException>(() => Tables.PerClassIoU([("r1", [new ClassIoU(0, "road", 0.9)]), ("r2", [new ClassIoU(0, "sky", 0.8)])]));
    }

    [Fact]
    public void EpochMetrics_PivotOneRowPerStep()
    {
        var table = Tables.EpochMetrics([new EpochMetric(1, 10, "loss", 0.5), new EpochMetric(1, 10, "mIoU", 0.25), new EpochMetric(2, 20, "loss", 0.125)]);
        Assert.Equal(["epoch", "step", "loss", "mIoU"], table.Columns);
        Assert.Equal(["1", "10", "0.5000", "0.2500"], table.Rows[0].Select(table.Format));
        Assert.Equal(["2", "20", "0.1250", ""], table.Rows[1].Select(table.Format));
    }
}

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
    public void HasSeveralConfigs_IsTrueOnlyForOneRoleAndVariantWithTwoConfigs()
    {
        var miou = new Dictionary<string, SeedSummary> { ["mIoU"] = SeedSummary.Of([0.5]) };
        Assert.True(Tables.HasSeveralConfigs([new RunGroupSummary(TrainingRole.Teacher, "weakly", [0], miou, "0a1b2c3d"), new RunGroupSummary(TrainingRole.Teacher, "weakly", [0], miou, "99887766")]));
        Assert.False(Tables.HasSeveralConfigs([new RunGroupSummary(TrainingRole.Teacher, "weakly", [0], miou, "0a1b2c3d"), new RunGroupSummary(TrainingRole.Student, "weakly", [0], miou, "99887766")]));
    }
}

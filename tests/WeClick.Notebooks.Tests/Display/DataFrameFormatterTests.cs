using System.Globalization;
using Microsoft.Data.Analysis;
using WeClick.Notebooks.Display;
using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Tests.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Display;

public sealed class DataFrameFormatterTests(SharedExecutorFixture fixture) : IClassFixture<SharedExecutorFixture>
{
    private static DataFrame Sample(int rows) => new(
        new StringDataFrameColumn("variant", Enumerable.Range(0, rows).Select(i => i == 0 ? "<b>weakly</b> & KD" : i == 1 ? null : $"v{i}")),
        new Int32DataFrameColumn("seed", Enumerable.Range(0, rows).Select(i => (int?)i)),
        new DoubleDataFrameColumn("mIoU", Enumerable.Range(0, rows).Select(i => i == 1 ? double.NaN : i == 2 ? (double?)null : 1234.5 + i)),
        new DateTimeDataFrameColumn("started", Enumerable.Range(0, rows).Select(i => (DateTime?)new DateTime(2026, 12, 7, 18, 0, i, DateTimeKind.Utc))));

    [Fact]
    public void Format_ShowsHeaderFirstRowsAndOmittedRows_EscapedAndInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // a comma decimal separator must not leak in
        try
        {
            var bundle = Formatter.Format(Sample(DataFrameFormatter.MaxRows + 5)); // through the formatter: not the IEnumerable table
            var html = bundle.Data["text/html"]!.GetValue<string>();
            var text = bundle.Text.Split('\n');

            Assert.Equal($"DataFrame ({DataFrameFormatter.MaxRows + 5} rows × 4 columns)", text[0]);
            Assert.Matches(@"^variant\s+seed\s+mIoU\s+started$", text[1]);
            Assert.Matches(@"^<b>weakly</b> & KD\s+0\s+1234\.5\s+2026-12-07 18:00:00$", text[3]);
            Assert.Matches(@"^\s+1\s+NaN\s+2026-12-07 18:00:01$", text[4]); // null text is empty, NaN is NaN
            Assert.Matches(@"^v2\s+2\s+2026-12-07 18:00:02$", text[5]);
            Assert.Equal(3 + DataFrameFormatter.MaxRows + 1, text.Length);
            Assert.Equal("(5 more rows not shown)", text[^1]);

            Assert.Contains("<th style=\"text-align:left\" title=\"string\">variant</th>", html, StringComparison.Ordinal);
            Assert.Contains("<th style=\"text-align:right\" title=\"double\">mIoU</th>", html, StringComparison.Ordinal);
            Assert.Contains("<td style=\"text-align:left\">&lt;b&gt;weakly&lt;/b&gt; &amp; KD</td>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>weakly", html, StringComparison.Ordinal);
            Assert.Contains("<tr><th>1</th><td style=\"text-align:left\"></td><td style=\"text-align:right\">1</td><td style=\"text-align:right\">NaN</td>", html, StringComparison.Ordinal);
            Assert.Contains("<td style=\"text-align:right\">1253.5</td>", html, StringComparison.Ordinal); // row 19, the last shown
            Assert.DoesNotContain("1254.5", html, StringComparison.Ordinal); // row 20 is left out
            Assert.Contains("<p><i>(5 more rows not shown)</i></p>", html, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Format_OfAShortFrame_HasNoOmittedRowsNote_AndCellsHaveSixSignificantDigits()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", new[] { 0.1 + 0.2, 1e-9, 123456789.0 }), new Int64DataFrameColumn("run", new[] { 1L, 2L, 3L }));

        var bundle = DataFrameFormatter.Format(frame);

        Assert.DoesNotContain("more rows", bundle.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("more rows", bundle.Data["text/html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["0.3", "1E-09", "1.23457E+08"], new object?[] { 0.1 + 0.2, 1e-9, 123456789.0 }.Select(DataFrameFormatter.CellText));
        Assert.Equal("(1 more rows not shown)", DataFrameFormatter.Format(frame, maxRows: 2).Text.Split('\n')[^1]);
    }

    [Fact]
    public async Task ADataFrameBuiltInACell_ShowsAsAnHtmlTable()
    {
        var outcome = await ExecutorTesting.RunOk(fixture.Executor, """
            using Microsoft.Data.Analysis;
            var frame = new DataFrame(
                new StringDataFrameColumn("variant", new[] { "weakly", "weakly+KD", "<MFD>" }),
                new DoubleDataFrameColumn("mIoU", new double?[] { 0.25, null, 0.5 }));
            WeClick.Experiments.FrameStatistics.MeanStd(frame, new[] { "variant" }, new[] { "mIoU" })
            """);

        var html = outcome.Result!.Data["text/html"]!.GetValue<string>();
        Assert.StartsWith("<div class=\"weclick-dataframe\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>DataFrame (3 rows &#215; 5 columns)</caption>", html, StringComparison.Ordinal); // × as HtmlEncode writes it
        Assert.Contains(">mIoU_std</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>2</th><td style=\"text-align:left\">&lt;MFD&gt;</td><td style=\"text-align:right\">1</td><td style=\"text-align:right\">0.5</td>", html, StringComparison.Ordinal);
        Assert.StartsWith("DataFrame (3 rows × 5 columns)", outcome.Result.Text, StringComparison.Ordinal);
    }
}

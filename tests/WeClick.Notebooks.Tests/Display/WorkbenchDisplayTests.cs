using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Tests.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Display;

public sealed class WorkbenchDisplayTests
{
    [Fact]
    public async Task WorkbenchTypes_ShowWithTheirRichMimeTypes_InACell()
    {
        using var executor = new CSharpCellExecutor();
        var sink = new RecordingSink();
        await ExecutorTesting.RunOk(executor, """
            using WeClick.Reports;
            using WeClick.Data;
            display(new Table(new[] { "model", "mIoU" }, new[] { new object?[] { "student <MFD>", 0.5 } }));
            display(new MaskView(tensor(new byte[] { 0, 1, 2, 255 }).reshape(2, 2), ClassSet.CamVid));
            display(Charts.Scatter(new[] { ("R18", 30.0, 61.2) }, "accuracy vs speed", "FPS", "mIoU"));
            display(arange(4).reshape(2, 2));
            """, sink);

        var shown = sink.Outputs.OfType<DisplayOutput>().Where(d => d.DisplayId is not null).Select(d => d.Bundle).ToList();
        Assert.Equal(4, shown.Count);
        Assert.All(shown, b => Assert.True(b.Data.ContainsKey(MimeBundle.PlainText)));
        Assert.Contains(">student &lt;MFD&gt;</td>", shown[0].Data["text/html"]!.GetValue<string>());
        Assert.True(shown[0].Data.ContainsKey("text/markdown"));
        var png = Convert.FromBase64String(shown[1].Data["image/png"]!.GetValue<string>());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal("scatter", (string?)shown[2].Data[ChartOutput.PlotlyMimeType]!["data"]![0]!["type"]);
        Assert.Contains("[2, 3]", shown[3].Text);
        Assert.True(shown[3].Data.ContainsKey("text/html"));
    }
}

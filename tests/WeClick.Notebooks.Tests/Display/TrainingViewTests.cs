using WeClick.Notebooks.Display;
using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Tests.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Display;

public sealed class TrainingViewTests(SharedExecutorFixture fixture) : IClassFixture<SharedExecutorFixture>
{
    [Fact]
    public async Task TrainingView_IsOneOutputRedrawnInPlace_EndingWithAReproducibleSummary()
    {
        var sink = new RecordingSink();
        var outcome = await ExecutorTesting.RunOk(fixture.Executor, """
            using WeClick.Training;
            using WeClick.Notebooks.Display;
            var view = TrainingView.Show("demo");
            IReadOnlyDictionary<string, double> Losses(double total) => new Dictionary<string, double> { ["total"] = total, ["pce"] = total / 2 };
            for (var s = 1; s <= 20; s++)
                view.Observe(new TrainingUpdate(TrainingUpdateKind.Step, TrainingRole.Teacher, (s - 1) / 10 + 1, 2, s, 20, Losses(3.0 - 0.1 * s), 0.01, 42.0, TimeSpan.FromSeconds(20 - s)));
            view.Observe(new TrainingUpdate(TrainingUpdateKind.Validated, TrainingRole.Teacher, 2, 2, 20, 20, Losses(1.0), 0.0, 42.0, TimeSpan.Zero,
                new Dictionary<string, double> { ["mIoU"] = 0.25 }));
            view.Observe(new TrainingUpdate(TrainingUpdateKind.Finished, TrainingRole.Teacher, 2, 2, 20, 20, Losses(1.0), 0.0, 42.0, TimeSpan.Zero));
            view.Losses.Count
            """, sink);

        Assert.Equal("20", outcome.Result!.Text);
        // (The session's plotly.js may come first, as an output without an id: PlotlyLibraryTests.)
        var shown = Assert.Single(sink.Outputs.OfType<DisplayOutput>(), d => d.DisplayId is not null);
        Assert.Equal("demo: starting", shown.Bundle.Text);
        var updates = sink.Outputs.OfType<UpdateOutput>().ToList();
        // Steps arrive faster than the redraw interval: the validation and the finish redraw, not every step.
        Assert.InRange(updates.Count, 2, 5);
        Assert.All(updates, u => Assert.Equal(shown.DisplayId, u.DisplayId));
        var final = updates[^1].Bundle;
        Assert.Equal("demo: done, 2 epochs, 20 steps; last step: total 1.0000 pce 0.5000; best validation mIoU 25.0 %", final.Text);
        Assert.DoesNotContain("img/s", final.Data["text/html"]!.GetValue<string>());
        var figure = final.Data[ChartOutput.PlotlyMimeType]!;
        var traces = figure["data"]!.AsArray();
        Assert.Equal(2, traces.Count);
        Assert.Equal(20, traces[0]!["y"]!.AsArray().Count);
        Assert.Equal(2.9, (double)traces[0]!["y"]![0]!, 10);
        Assert.Equal("y2", (string?)traces[1]!["yaxis"]);
        Assert.Equal(0.25, (double)traces[1]!["y"]![0]!);
        Assert.Equal("y", (string?)figure["layout"]!["yaxis2"]!["overlaying"]);
    }

    [Fact]
    public void TrainingView_OutsideACell_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrainingView.Show("demo"));
        Assert.Contains("outside a running notebook cell", error.Message);
        Assert.False(NotebookDisplay.InCell);
    }
}

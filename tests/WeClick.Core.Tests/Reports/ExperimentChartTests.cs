using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Reports;
using WeClick.Training;

namespace WeClick.Core.Tests.Reports;

/// <summary>The experiments' charts carry the rows' numbers: mean mIoU (%) as heights or y, the seeds' std as error bars.</summary>
public sealed class ExperimentChartTests
{
    private static SweepRow Row(string label, TrainingRole role, double[] miou) =>
        new(label, role, label, "s", [], [.. Enumerable.Range(0, miou.Length)], SeedSummary.Of(miou), SeedSummary.Of(miou), null, [], [], null);

    private static ExperimentResult Result(string experiment, IReadOnlyList<SweepRow> rows, IReadOnlyDictionary<string, ModelProfile> profiles)
    {
        var paper = PaperExperiments.Get(experiment);
        return new ExperimentResult(paper, new SweepResult(paper.Build(ExperimentPresets.Quick), 1, rows, [], [], 0, 0, 0), profiles);
    }

    [Fact]
    public void Bars_AreTheMeanMIoUInPercent_WithTheSeedsStdAsErrorBars()
    {
        SweepRow[] rows = [Row("weakly", TrainingRole.Student, [0.40, 0.50]), Row("weakly+KD+MFD", TrainingRole.Student, [0.45, 0.45])];
        var json = ExperimentReport.Chart(Result("table1", rows, new Dictionary<string, ModelProfile>())).ToFigureJson();
        var bars = json["data"]![0]!;
        Assert.Equal("bar", (string?)bars["type"]);
        Assert.Equal(["weakly", "weakly+KD+MFD"], bars["x"]!.AsArray().Select(v => (string?)v));
        Assert.Equal([45.0, 45.0], bars["y"]!.AsArray().Select(v => Math.Round((double)v!, 9)));
        var errors = bars["error_y"]!["array"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal(100 * SeedSummary.Of([0.40, 0.50]).Std, errors[0], 9);
        Assert.Equal(0.0, errors[1], 9);
        Assert.Equal("mIoU (%)", (string?)json["layout"]!["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void AccuracyAgainstSpeed_PlacesEachStudentAtItsFps_AndLabelsIt()
    {
        SweepRow[] rows = [Row("r18", TrainingRole.Student, [0.30]), Row("mnv2", TrainingRole.Student, [0.25]), Row("teacher", TrainingRole.Teacher, [0.5])];
        ModelProfile Profile(double fps) => new("m", 1, "cpu", 1, 8, 8, 1, 1, 1000 / fps, [1000 / fps]);
        var profiles = new Dictionary<string, ModelProfile> { ["r18"] = Profile(20), ["mnv2"] = Profile(50) };
        var trace = ExperimentReport.Chart(Result("figure2", rows, profiles)).ToFigureJson()["data"]![0]!;
        Assert.Equal("markers+text", (string?)trace["mode"]);
        Assert.Equal(["r18", "mnv2"], trace["text"]!.AsArray().Select(v => (string?)v));
        Assert.Equal([profiles["r18"].Fps, profiles["mnv2"].Fps], trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([30.0, 25.0], trace["y"]!.AsArray().Select(v => Math.Round((double)v!, 9)));
    }
}

using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Reports;
using WeClick.Training;

namespace WeClick.Core.Tests.Reports;

/// <summary>The cells of the reproduction's Table 1 and of every experiment's table, from rows as the store gives them back.</summary>
public sealed class ReproductionReportTests
{
    private static SweepRow Row(string label, TrainingRole role, string variant, string model, double[] miou, double[] mpa, double[]? tc = null) =>
        new(label, role, variant, model, [], [.. Enumerable.Range(0, miou.Length)], SeedSummary.Of(miou), SeedSummary.Of(mpa),
            tc is null ? null : SeedSummary.Of(tc), [], [], null);

    private static ExperimentResult Table1(IReadOnlyList<SweepRow> rows, GroundTruthConsistency? reference) =>
        new(PaperExperiments.Get("table1"), new SweepResult(PaperExperiments.Table1(ExperimentPresets.Quick), 1, rows, [], [], 0, 0, 0),
            new Dictionary<string, ModelProfile>(), reference);

    [Fact]
    public void OfDense_IsTheRowsMeanMiouOverTheDenseRowOfTheSameRole()
    {
        var rows = new[]
        {
            Row("teacher dense", TrainingRole.Teacher, "dense", "t", [0.8], [0.8]),
            Row("teacher weakly", TrainingRole.Teacher, "weakly", "t", [0.6], [0.6]),
            Row("dense", TrainingRole.Student, "dense", "s", [0.5, 0.7], [0.5, 0.7]),
            Row("weakly+KD+MFD", TrainingRole.Student, "weakly+KD+MFD", "s", [0.4, 0.5], [0.4, 0.5]),
        };
        var cells = ExperimentReport.Rows(Table1(rows, null));
        Assert.Equal(["1.00", "0.75", "1.00", (0.45 / 0.6).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)], cells.Select(r => r[2]));
        Assert.Equal(["–", "–"], ExperimentReport.Rows(Table1([rows[1], rows[3]], null)).Select(r => r[2]));
    }

    [Fact]
    public void TableRows_NameEachRowsNetwork_AndPutTheGroundTruthsTcBelowTheModels_WithMIoUBlank_OrSayItIsNotAvailable()
    {
        var rows = new[]
        {
            Row("teacher weakly", TrainingRole.Teacher, "weakly", "deeplabv3plus-resnet18", [0.233], [0.399], [0.966]),
            Row("weakly+KD+MFD", TrainingRole.Student, "weakly+KD+MFD", "deeplabv3plus-mobilenetv2", [0.19, 0.21], [0.25, 0.27]),
        };
        // Pairs agreeing 9/10 and 19/20: mean 0.925.
        var reference = new GroundTruthConsistency(new TemporalConsistencyResult([new PairAgreement(9, 10), new PairAgreement(19, 20)], [1, 1]), "ground-truth labels of synthetic/val");
        var table = ReproductionReport.TableRows(Table1(rows, reference));
        Assert.Equal(3, table.Count);
        Assert.Equal(["teacher weakly (deeplabv3plus-resnet18)", "23.3 ± 0.0", "–", "39.9 ± 0.0", "96.6 ± 0.0", "0", "–"], table[0]);
        Assert.Equal(["student weakly+KD+MFD (deeplabv3plus-mobilenetv2)", "20.0 ± 1.4", "–", "26.0 ± 1.4", "not measured", "0,1", "–"], table[1]);
        Assert.Equal(["ground-truth labels (reference)", "", "", "", "92.5", "", ""], table[2]);
        Assert.All(table, row => Assert.Equal(ReproductionReport.Columns.Count, row.Count));

        Assert.Equal("not available", ReproductionReport.TableRows(Table1(rows, GroundTruthConsistency.NotAvailable("not available: one labelled frame per snippet")))[2][4]);
        Assert.Equal(2, ReproductionReport.TableRows(Table1(rows, null)).Count);
        Assert.StartsWith("A constant predictor scores 100 % TC", GroundTruthConsistency.Caveat);
    }

    [Fact]
    public void PaperNumbers_StandBesideOurRows_WhereTheRepositoryHasThem_AndTheReportSaysWhatIsMissing()
    {
        // Table 5's two numbers, by row; #Params by network (the paper's at 19 classes); an ablation has none.
        Assert.Equal(46.2, PaperNumbers.MIoU("table5", "weakly")!.Value);
        Assert.Equal(48.7, PaperNumbers.MIoU("table5", "weakly+KD+MFD")!.Value);
        Assert.Null(PaperNumbers.MIoU("table5", "dense"));
        Assert.Equal(16.61, PaperNumbers.ParamsOf("deeplabv3plus-resnet18")!.Millions);
        Assert.All(PaperNumbers.Rows.Concat<object>(PaperNumbers.Params), n => Assert.NotNull(n));
        Assert.All(PaperNumbers.Params, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));

        var camvid = ExperimentPresets.CamVidCpu;
        var rows = new[]
        {
            Row("weakly", TrainingRole.Student, "weakly", "deeplabv3plus-resnet18", [0.418], [0.5]),
            Row("weakly+KD+MFD", TrainingRole.Student, "weakly+KD+MFD", "deeplabv3plus-resnet18", [0.453], [0.55]),
            Row("dense", TrainingRole.Student, "dense", "deeplabv3plus-resnet18", [0.547], [0.6]),
        };
        var profile = new ModelProfile("deeplabv3plus-resnet18", 16_600_000, "cpu", 2, 80, 160, 1, 2, 10, [10, 10]);
        var result = new ExperimentResult(PaperExperiments.Get("table5"), new SweepResult(PaperExperiments.Table5(camvid), 1, rows, [], [], 0, 0, 0),
            rows.ToDictionary(r => r.Label, _ => profile));
        var columns = ExperimentReport.Columns(result);
        Assert.Equal(["paper mIoU (%)", "paper #params (M)"], columns.TakeLast(2));
        var cells = ExperimentReport.Rows(result);
        Assert.Equal(["46.2 (DL-R18)", "48.7 (DL-R18)", "–"], cells.Select(r => r[columns.Count - 2]));
        Assert.All(cells, r => Assert.Equal("16.61 (DL-R18, 19 classes)", r[^1]));
        Assert.Contains(ExperimentReport.PaperNotes(result), n => n.StartsWith("The paper's numbers not in this repository: Table 5's mPA", StringComparison.Ordinal));

        var ablation = new ExperimentResult(PaperExperiments.Get("ablation-wf-sign"), new SweepResult(PaperExperiments.Get("ablation-wf-sign").Build(ExperimentPresets.Quick), 1, [], [], [], 0, 0, 0),
            new Dictionary<string, ModelProfile>());
        Assert.Contains("The paper has no numbers for this experiment: it leaves this choice open.", ExperimentReport.PaperNotes(ablation));
        var table1 = ExperimentReport.PaperNotes(Table1([], null));
        Assert.Contains(table1, n => n.Contains("10.24 % mIoU", StringComparison.Ordinal));
    }
}

using System.Text.Json.Nodes;
using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

public sealed class ReproductionTests
{
    // Every leaf of the config's JSON as "dotted.path" → JSON text.
    private static Dictionary<string, string> Leaves(ExperimentConfig config)
    {
        var leaves = new Dictionary<string, string>();
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        Walk(child, path.Length == 0 ? key : $"{path}.{key}");
                    }
                    break;
                default:
                    leaves[path] = node?.ToJsonString() ?? "null";
                    break;
            }
        }
        Walk(JsonNode.Parse(ConfigFile.ToJson(config)), "");
        return leaves;
    }

    private static string[] Differences(ExperimentConfig a, ExperimentConfig b)
    {
        var (x, y) = (Leaves(a), Leaves(b));
        return x.Keys.Union(y.Keys).Where(k => x.GetValueOrDefault(k) != y.GetValueOrDefault(k)).Order().ToArray();
    }

    [Theory]
    [InlineData(KdFrames.All)]
    [InlineData(KdFrames.Target)]
    public void StudentRows_DifferOnlyInTheTermTheyName_AndKdCoversTheSameFramesWithAndWithoutMfd(KdFrames kdFrames)
    {
        var config = ExperimentPresets.Quick with { Clip = new ClipConfig { Frames = 3 }, Loss = ExperimentPresets.Quick.Loss with { KdFrames = kdFrames } };
        var rows = Reproduction.StudentRows.ToDictionary(r => r.Variant, r => config with { Loss = r.Loss(config.Loss) });
        Assert.Equal(["weakly", "weakly+KD", "weakly+KD+MFD"], rows.Keys);

        Assert.Equal(["loss.gamma"], Differences(rows["weakly"], rows["weakly+KD"]));
        Assert.Equal(["loss.beta"], Differences(rows["weakly+KD"], rows["weakly+KD+MFD"]));
        Assert.All(rows.Values, row => Assert.Equal(kdFrames, row.Loss.KdFrames));
        Assert.Equal(["weakly", "weakly+KD", "weakly+KD+MFD"], rows.Values.Select(r => Reproduction.VariantOf(r.Loss)));

        // The frames the student loads: +KD distils what +KD+MFD distils (all 3 input frames by default, Eq. 5).
        Assert.Equal(1, ExperimentTraining.StudentFrames(rows["weakly"]));
        Assert.Equal(kdFrames == KdFrames.All ? 3 : 1, ExperimentTraining.StudentFrames(rows["weakly+KD"]));
        Assert.Equal(3, ExperimentTraining.StudentFrames(rows["weakly+KD+MFD"]));
    }

    [Fact]
    public void UpperBound_DiffersFromTheWeaklyRowInTheSupervisionAlone_AndTrainsInFoldersOfItsOwn()
    {
        var config = ExperimentPresets.Quick;
        var weakly = config with { Loss = Reproduction.StudentRows[0].Loss(config.Loss) };
        var dense = config with { Loss = Reproduction.DenseLoss(config.Loss) };
        Assert.Equal(["loss.supervision"], Differences(weakly, dense));
        Assert.Equal("dense", Reproduction.VariantOf(dense.Loss));
        Assert.Equal("dense+KD", Reproduction.VariantOf(dense.Loss with { Gamma = 1 }));
        Assert.Equal(1, ExperimentTraining.StudentFrames(dense)); // no term of it needs the neighbours

        // The dense teacher is another teacher: its own identity and folder; the click teacher keeps its name.
        var teacher = Reproduction.TeacherConfig(config);
        var denseTeacher = Reproduction.TeacherConfig(dense);
        Assert.NotEqual(RunIdentity.Key(teacher, WeClick.Training.TrainingRole.Teacher, 0), RunIdentity.Key(denseTeacher, WeClick.Training.TrainingRole.Teacher, 0));
        Assert.Matches(@"teacher-seed0-[0-9a-f]{8}$", RunIdentity.Folder("ws", teacher, WeClick.Training.TrainingRole.Teacher, "weakly", 0));
        Assert.Matches(@"teacher-dense-seed0-[0-9a-f]{8}$", RunIdentity.Folder("ws", denseTeacher, WeClick.Training.TrainingRole.Teacher, "dense", 0));
    }

    [Fact]
    public void ShareOfDense_IsTheRowsMeanMiouOverTheDenseRowOfTheSameRole()
    {
        static ReproductionRow Row(WeClick.Training.TrainingRole role, string variant, params double[] miou) =>
            new(role, variant, "m", SeedSummary.Of(miou), SeedSummary.Of(miou), [.. Enumerable.Range(0, miou.Length)], []);
        var rows = new[]
        {
            Row(WeClick.Training.TrainingRole.Teacher, "dense", 0.8),
            Row(WeClick.Training.TrainingRole.Teacher, "weakly", 0.6),
            Row(WeClick.Training.TrainingRole.Student, "dense", 0.5, 0.7),
            Row(WeClick.Training.TrainingRole.Student, "weakly+KD+MFD", 0.4, 0.5),
        };
        Assert.Equal(0.75, rows[1].ShareOfDense(rows)!.Value, 12);
        Assert.Equal(0.45 / 0.6, rows[3].ShareOfDense(rows)!.Value, 12);
        Assert.Equal(1.0, rows[2].ShareOfDense(rows)!.Value, 12);
        Assert.Null(rows[3].ShareOfDense(rows.Where(r => r.Variant != "dense").ToArray()));
        Assert.Equal("student weakly+KD+MFD (m)", rows[3].Label);
    }

    [Fact]
    public void TableRows_PutTheGroundTruthsTcBelowTheModels_WithMIoUBlank_OrSayItIsNotAvailable()
    {
        var rows = new[]
        {
            new ReproductionRow(TrainingRole.Teacher, "weakly", "deeplabv3plus-resnet18", SeedSummary.Of([0.233]), SeedSummary.Of([0.399]), [0], [], SeedSummary.Of([0.966])),
            new ReproductionRow(TrainingRole.Student, "weakly+KD+MFD", "deeplabv3plus-mobilenetv2", SeedSummary.Of([0.19, 0.21]), SeedSummary.Of([0.25, 0.27]), [0, 1], []),
        };
        // Pairs agreeing 9/10 and 19/20: mean 0.925.
        var reference = new GroundTruthConsistency(new TemporalConsistencyResult([new PairAgreement(9, 10), new PairAgreement(19, 20)], [1, 1]), "ground-truth labels of synthetic/val");
        var table = Reproduction.TableRows(rows, reference);
        Assert.Equal(3, table.Count);
        Assert.Equal(["teacher weakly (deeplabv3plus-resnet18)", "23.3 ± 0.0", "–", "39.9 ± 0.0", "96.6 ± 0.0", "0"], table[0]);
        Assert.Equal(["student weakly+KD+MFD (deeplabv3plus-mobilenetv2)", "20.0 ± 1.4", "–", "26.0 ± 1.4", "not measured", "0,1"], table[1]);
        Assert.Equal(["ground-truth labels (reference)", "", "", "", "92.5", ""], table[2]);

        Assert.Equal("not available", Reproduction.TableRows(rows, GroundTruthConsistency.NotAvailable("not available: one labelled frame per snippet"))[2][4]);
        Assert.Equal(2, Reproduction.TableRows(rows, null).Count);
        Assert.StartsWith("A constant predictor scores 100 % TC", Reproduction.ConsistencyCaveat);
    }
}

using System.Text.Json.Nodes;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

public sealed class TrainingSchemesTests
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
        var rows = TrainingSchemes.StudentRows.ToDictionary(r => r.Variant, r => config with { Loss = r.Loss(config.Loss) });
        Assert.Equal(["weakly", "weakly+KD", "weakly+KD+MFD"], rows.Keys);

        Assert.Equal(["loss.gamma"], Differences(rows["weakly"], rows["weakly+KD"]));
        Assert.Equal(["loss.beta"], Differences(rows["weakly+KD"], rows["weakly+KD+MFD"]));
        Assert.All(rows.Values, row => Assert.Equal(kdFrames, row.Loss.KdFrames));
        Assert.Equal(["weakly", "weakly+KD", "weakly+KD+MFD"], rows.Values.Select(r => TrainingSchemes.VariantOf(r.Loss)));

        // The frames the student loads: +KD distils what +KD+MFD distils (all 3 input frames by default, Eq. 5).
        Assert.Equal(1, ExperimentTraining.StudentFrames(rows["weakly"]));
        Assert.Equal(kdFrames == KdFrames.All ? 3 : 1, ExperimentTraining.StudentFrames(rows["weakly+KD"]));
        Assert.Equal(3, ExperimentTraining.StudentFrames(rows["weakly+KD+MFD"]));
    }

    [Fact]
    public void UpperBound_DiffersFromTheWeaklyRowInTheSupervisionAlone_AndTrainsInFoldersOfItsOwn()
    {
        var config = ExperimentPresets.Quick;
        var weakly = config with { Loss = TrainingSchemes.StudentRows[0].Loss(config.Loss) };
        var dense = config with { Loss = TrainingSchemes.DenseLoss(config.Loss) };
        Assert.Equal(["loss.supervision"], Differences(weakly, dense));
        Assert.Equal("dense", TrainingSchemes.VariantOf(dense.Loss));
        Assert.Equal("dense+KD", TrainingSchemes.VariantOf(dense.Loss with { Gamma = 1 }));
        Assert.Equal(1, ExperimentTraining.StudentFrames(dense)); // no term of it needs the neighbours

        // The dense teacher is another teacher: its own identity and folder; the click teacher keeps its name.
        var teacher = TrainingSchemes.TeacherConfig(config);
        var denseTeacher = TrainingSchemes.TeacherConfig(dense);
        Assert.NotEqual(RunIdentity.Key(teacher, WeClick.Training.TrainingRole.Teacher, 0), RunIdentity.Key(denseTeacher, WeClick.Training.TrainingRole.Teacher, 0));
        Assert.Matches(@"teacher-seed0-[0-9a-f]{8}$", new RunLayout("ws").RunFolder(teacher, WeClick.Training.TrainingRole.Teacher, "weakly", 0));
        Assert.Matches(@"teacher-dense-seed0-[0-9a-f]{8}$", new RunLayout("ws").RunFolder(denseTeacher, WeClick.Training.TrainingRole.Teacher, "dense", 0));
    }
}

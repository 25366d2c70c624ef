using WeClick.Data;
using WeClick.Engine;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Models;
using WeClick.Serialization;
using WeClick.Training;

namespace WeClick.Core.Tests.Training;

public sealed class TrainingLoopTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>
{
    private const string ConfigText = "{\"test\": true}";

    private static Dictionary<string, float[]> Weights(string path)
    {
        using var file = Safetensors.Load(path);
        return file.Tensors.Where(t => t.Key.StartsWith("model.", StringComparison.Ordinal) || !t.Key.Contains('.') || t.Value.dtype == ScalarType.Float32)
            .Where(t => t.Value.dtype == ScalarType.Float32)
            .ToDictionary(t => t.Key, t => t.Value.flatten().data<float>().ToArray());
    }

    [Fact]
    public void Teacher_LossDecreases_CheckpointsAreWritten_ValidationRuns_AndTheLastEpochIsHandedOn()
    {
        var folder = tiny.NewFolder("teacher");
        var updates = new List<TrainingUpdate>();
        var validations = 0;
        var result = ExperimentTraining.TrainTeacher(tiny.Config, 0, folder, ConfigText, new TrainingHooks
        {
            Observer = updates.Add,
            Validate = model =>
            {
                validations++;
                Assert.False(model.training);
                return new Dictionary<string, double> { ["mIoU"] = validations == 1 ? 0.5 : 0.25 };
            },
        });
        var steps = updates.Where(u => u.Kind == TrainingUpdateKind.Step).ToList();
        Assert.Equal(4 * 2, steps.Count); // 4 epochs × (4 clips / batch 2)
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Contains("pce", s.Losses.Keys));
        Assert.All(steps, s => Assert.Contains("gcrf", s.Losses.Keys));
        Assert.DoesNotContain("kd", steps[0].Losses.Keys);
        var first = steps.Take(2).Average(s => s.Losses["pce"]);
        var last = steps.TakeLast(2).Average(s => s.Losses["pce"]);
        Assert.True(last < first, $"pCE went from {first:F3} to {last:F3}");
        // Poly decay: the learning rate falls every step.
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.Second.LearningRate < p.First.LearningRate));
        // Validation after epochs 2 and 4 draws the curve but picks nothing: the last epoch is handed on (selection = last),
        // although epoch 2 validated better.
        Assert.Equal(2, validations);
        Assert.Equal(2, updates.Count(u => u.Kind == TrainingUpdateKind.Validated));
        Assert.Equal(0.25, result.State.BestMetric);
        Assert.Equal(4, result.State.BestEpoch);
        Assert.Equal(4, result.State.EpochsDone);
        Assert.True(File.Exists(result.BestWeights));
        var handedOn = Weights(result.BestWeights);
        var lastEpoch = Weights(TrainingCheckpoint.LastPath(folder));
        Assert.NotEmpty(handedOn);
        Assert.All(handedOn, w => Assert.Equal(lastEpoch["model." + w.Key], w.Value));
        var state = TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(folder));
        Assert.Equal((4, 8L, ConfigText), (state.EpochsDone, state.Step, state.Config));
        Assert.Contains("\"EpochsDone\": 4", File.ReadAllText(Path.Combine(folder, "last.json")));
        // The best weights load into a fresh teacher.
        using var fresh = ExperimentModels.CreateModel(tiny.Config.Teacher, 11);
        fresh.LoadWeights(result.BestWeights);
    }

    [Fact]
    public void ValidationSelection_HandsOnTheBestValidatedEpoch()
    {
        var folder = tiny.NewFolder("select-on-val");
        var config = tiny.Config with { TeacherSchedule = tiny.Config.TeacherSchedule with { Selection = CheckpointSelection.Validation } };
        var validations = 0;
        var result = ExperimentTraining.TrainTeacher(config, 0, folder, ConfigText, new TrainingHooks
        {
            Validate = _ => new Dictionary<string, double> { ["mIoU"] = ++validations == 1 ? 0.5 : 0.25 },
        });
        Assert.Equal((0.5, 2), (result.State.BestMetric, result.State.BestEpoch));
        Assert.Equal(2, TrainingCheckpoint.ReadState(result.BestWeights).EpochsDone);
        // Epoch 2's weights, not the last epoch's.
        var handedOn = Weights(result.BestWeights);
        var last = Weights(TrainingCheckpoint.LastPath(folder));
        Assert.Contains(handedOn, w => !w.Value.SequenceEqual(last["model." + w.Key]));
    }

    [Fact]
    public void Resume_AfterAStopMidEpoch_ReachesTheWeightsOfAnUninterruptedRun()
    {
        var straight = tiny.NewFolder("straight");
        ExperimentTraining.TrainTeacher(tiny.Config, 3, straight, ConfigText);

        var stopped = tiny.NewFolder("stopped");
        var stopAt = 1 + new Random().Next(3, 7); // some step inside epochs 2..4
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => ExperimentTraining.TrainTeacher(tiny.Config, 3, stopped, ConfigText, new TrainingHooks
        {
            Observer = u =>
            {
                if (u.Kind == TrainingUpdateKind.Step && u.Step == stopAt)
                {
                    cancel.Cancel();
                }
            },
            Cancellation = cancel.Token,
        }));
        var resumed = ExperimentTraining.TrainTeacher(tiny.Config, 3, stopped, ConfigText);
        Assert.True(resumed.Resumed);
        Assert.Equal(8, resumed.State.Step);
        var a = Weights(TrainingCheckpoint.LastPath(straight));
        var b = Weights(TrainingCheckpoint.LastPath(stopped));
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, values) in a)
        {
            var other = b[name];
            for (var i = 0; i < values.Length; i++)
            {
                Assert.True(Math.Abs(values[i] - other[i]) <= 1e-5 + 1e-4 * Math.Abs(values[i]), $"{name}[{i}]: {values[i]} vs {other[i]} (stopped at step {stopAt})");
            }
        }
        // Another seed in the same folder is refused, not silently mixed.
        var e = Assert.Throws<InvalidOperationException>(() => ExperimentTraining.TrainTeacher(tiny.Config, 4, stopped, ConfigText));
        Assert.Contains("seed 3, not 4", e.Message);
    }

    [Fact]
    public void LongerRun_KeepsTheLiveTensorCountFlat()
    {
        // Every step runs in a dispose scope: after the first step (which creates SGD's momentum buffers) the number of
        // live tensors on the training thread is the same after every step, epoch ends (checkpoints, validation) included.
        var folder = tiny.NewFolder("flat");
        var live = new List<long>();
        ExperimentTraining.TrainTeacher(tiny.Config with { TeacherSchedule = tiny.Config.TeacherSchedule with { Epochs = 6, EvaluateEvery = 2 } }, 0, folder, ConfigText,
            new TrainingHooks
            {
                Observer = u =>
                {
                    if (u.Kind == TrainingUpdateKind.Step)
                    {
                        live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
                    }
                },
                Validate = model => new Dictionary<string, double> { ["mIoU"] = 0.5 },
            });
        Assert.Equal(12, live.Count); // 6 epochs × 2 steps
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
    }

    private sealed class PoisonedStep(ITrainingStep inner, long poisonAt) : ITrainingStep
    {
        private long _calls;

        public bool NeedsNeighbours => inner.NeedsNeighbours;

        public LossTerms Run(Segmentor model, ClipBatch batch)
        {
            var terms = inner.Run(model, batch);
            if (++_calls < poisonAt)
            {
                return terms;
            }
            var parts = new Dictionary<string, double>(terms.Parts) { ["gcrf"] = double.NaN };
            return new LossTerms(terms.Total.mul(double.NaN), parts, terms.Contributions);
        }
    }

    [Fact]
    public void NaNLoss_StopsWithTheStepAndTerm_AndKeepsTheLastGoodCheckpoint()
    {
        var folder = tiny.NewFolder("nan");
        var config = tiny.Config;
        var dataset = ExperimentData.OpenSplit(config, "train");
        using var model = ExperimentModels.CreateModel(config.Teacher, dataset.Classes.Count);
        using var loader = ExperimentTraining.Loader(dataset, config.TeacherSchedule, 0, 0);
        var step = new PoisonedStep(new TeacherStep(config.Loss.ToLossSettings(), config.Loss.GatedCrf), poisonAt: 4);
        Dictionary<string, float[]>? afterEpoch1 = null;
        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(TrainingRole.Teacher, model, loader, config.TeacherSchedule, step, new TrainingRunOptions
        {
            Folder = folder,
            Seed = 0,
            Config = ConfigText,
            Observer = u =>
            {
                if (u.Kind == TrainingUpdateKind.EpochEnd && u.Epoch == 1)
                {
                    afterEpoch1 = Weights(TrainingCheckpoint.LastPath(folder));
                }
            },
        }));
        Assert.Contains("step 4 (epoch 2)", e.Message);
        Assert.Contains("'gcrf' = NaN", e.Message);
        Assert.Contains("epoch 1", e.Message);
        Assert.Contains("teacherSchedule.learningRate", e.Message);
        var kept = Weights(TrainingCheckpoint.LastPath(folder));
        Assert.NotNull(afterEpoch1);
        foreach (var (name, values) in afterEpoch1!)
        {
            Assert.Equal(values, kept[name]);
        }
        Assert.Equal(1, TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(folder)).EpochsDone);
    }

    [Fact]
    public void Student_WithKdAndMfd_UsesTheTeacherAndNeighbours_AndLearns()
    {
        var teacherFolder = tiny.NewFolder("teacher-for-student");
        var teacher = ExperimentTraining.TrainTeacher(tiny.Config with { TeacherSchedule = tiny.Config.TeacherSchedule with { Epochs = 2 } }, 0, teacherFolder, ConfigText);
        var rows = new Dictionary<string, LossConfig>
        {
            ["weakly"] = tiny.Config.Loss with { Beta = 0, Gamma = 0 },
            ["weakly+KD"] = tiny.Config.Loss with { Beta = 0 },
            ["weakly+KD+MFD"] = tiny.Config.Loss,
        };
        foreach (var (row, loss) in rows)
        {
            var updates = new List<TrainingUpdate>();
            var config = tiny.Config with { Loss = loss };
            ExperimentTraining.TrainStudent(config, 0, tiny.NewFolder("student"), ConfigText, teacher.BestWeights, Path.Combine(tiny.Root, "flow-cache"),
                new TrainingHooks { Observer = updates.Add });
            var steps = updates.Where(u => u.Kind == TrainingUpdateKind.Step).ToList();
            Assert.Equal(6, steps.Count);
            var keys = steps[0].Losses.Keys.ToHashSet();
            Assert.Equal(row != "weakly", keys.Contains("kd"));
            Assert.Equal(row == "weakly+KD+MFD", keys.Contains("mfd"));
            Assert.True(steps.All(s => s.Losses.Values.All(double.IsFinite)), row);
            var first = steps.Take(2).Average(s => s.Losses["total"]);
            var last = steps.TakeLast(2).Average(s => s.Losses["total"]);
            Assert.True(last < first, $"{row}: total loss went from {first:F3} to {last:F3}");
        }
        // KD/MFD without a trained teacher is refused with what to do.
        var e = Assert.Throws<FileNotFoundException>(() => ExperimentTraining.TrainStudent(tiny.Config, 0, tiny.NewFolder("x"), ConfigText, Path.Combine(tiny.Root, "none.safetensors"), tiny.Root));
        Assert.Contains("weclick train teacher", e.Message);
    }
}

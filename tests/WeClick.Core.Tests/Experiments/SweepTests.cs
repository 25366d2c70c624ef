using Microsoft.Data.Sqlite;
using WeClick.Core.Tests.Training;
using WeClick.Experiments;
using WeClick.Losses;
using WeClick.Training;

namespace WeClick.Core.Tests.Experiments;

/// <summary>
/// Issue #14's sweep: expansion into points, teacher reuse across student axes, the store's sweep grouping (and its
/// migration from schema 1), and every experiment's config on a tiny size.
/// </summary>
public sealed class SweepTests : IClassFixture<TinyExperiment>
{
    private readonly TinyExperiment tiny;

    public SweepTests(TinyExperiment tiny) => this.tiny = tiny;

    // The tiny config trains in seconds: 1 teacher and 1 student epoch, no temporal consistency.
    private ExperimentConfig Quick => tiny.Config with
    {
        TeacherSchedule = tiny.Config.TeacherSchedule with { Epochs = 1, EvaluateEvery = 0 },
        StudentSchedule = tiny.Config.StudentSchedule with { Epochs = 1, EvaluateEvery = 0 },
        Evaluation = tiny.Config.Evaluation with { TemporalFrames = 0 },
    };

    [Fact]
    public void Expand_IsTheCartesianProduct_FirstAxisSlowest_WithEachValuesOverridesApplied()
    {
        var sweep = new Sweep("s", "S", tiny.Config,
        [
            SweepAxis.Over("clip.direction", ["forward", "backward"], "direction"),
            new SweepAxis("beta", [new SweepValue("β 0.5", ["loss.beta=0.5"]), new SweepValue("β 2", ["loss.beta=2", "loss.gamma=0.5"])]),
        ]);
        var points = sweep.Expand();
        Assert.Equal(["forward · β 0.5", "forward · β 2", "backward · β 0.5", "backward · β 2"], points.Select(p => p.Label));
        Assert.Equal(sweep.PointLabels(), points.Select(p => p.Label));
        Assert.Equal([FrameDirectionOf("forward"), FrameDirectionOf("forward"), FrameDirectionOf("backward"), FrameDirectionOf("backward")],
            points.Select(p => p.Config.Clip.Direction));
        Assert.Equal([0.5, 2, 0.5, 2], points.Select(p => p.Config.Loss.Beta));
        Assert.Equal([1, 0.5, 1, 0.5], points.Select(p => p.Config.Loss.Gamma));
        Assert.Equal([KeyValuePair.Create("direction", "backward"), KeyValuePair.Create("beta", "β 2")], points[3].AxisValues);
        // Everything the values do not set is the base's.
        Assert.All(points, p => Assert.Equal(ConfigFile.ToJson(tiny.Config with { Clip = p.Config.Clip, Loss = p.Config.Loss }), ConfigFile.ToJson(p.Config)));

        static WeClick.Data.FrameDirection FrameDirectionOf(string name) => Enum.Parse<WeClick.Data.FrameDirection>(name, ignoreCase: true);
    }

    [Fact]
    public void Expand_RefusesBadValues_BeforeAnyTraining_NamingThePoint()
    {
        var unknown = new Sweep("s", "S", tiny.Config, [new SweepAxis("a", [new SweepValue("odd", ["loss.betta=1"])])]);
        var e = Assert.Throws<ConfigException>(() => unknown.Expand());
        Assert.Contains("Sweep 's', point 'odd'", e.Message);
        Assert.Contains("loss.betta", e.Message);

        var invalid = new Sweep("s", "S", tiny.Config, [SweepAxis.Over("clip.frames", ["0"])]);
        Assert.Contains("point '0'", Assert.Throws<ConfigException>(() => invalid.Expand()).Message);

        var twice = new Sweep("s", "S", tiny.Config, [new SweepAxis("a", [new SweepValue("x", ["loss.beta=0.5"]), new SweepValue("y", ["loss.beta=0.5"])])]);
        Assert.Contains("'x' and 'y' train the same run", Assert.Throws<ArgumentException>(() => twice.Expand()).Message);

        var otherSeed = new Sweep("s", "S", tiny.Config, []) { Seeds = [7] };
        Assert.Contains("must be some of the config's seeds", Assert.Throws<ArgumentException>(() => otherSeed.Expand()).Message);

        var sameLabel = new Sweep("s", "S", tiny.Config, [new SweepAxis("a", [new SweepValue("x", ["loss.beta=0.5"]), new SweepValue("x", ["loss.beta=2"])])]);
        Assert.Contains("the value 'x' twice", Assert.Throws<ArgumentException>(() => sameLabel.Expand()).Message);
    }

    [Fact]
    public void Table1_IsTheReproductionsRows_OneDifferencePerRow()
    {
        var points = PaperExperiments.Table1(ExperimentPresets.Quick).Expand();
        Assert.Equal(["dense", "weakly", "weakly+KD", "weakly+KD+MFD"], points.Select(p => p.Label));
        Assert.Equal(points.Select(p => p.Label), points.Select(p => p.Variant));
        var quick = ExperimentPresets.Quick;
        foreach (var (variant, loss) in TrainingSchemes.StudentRows)
        {
            Assert.Equal(ConfigFile.ToJson(quick with { Loss = loss(quick.Loss) }), ConfigFile.ToJson(points.Single(p => p.Label == variant).Config));
        }
        Assert.Equal(ConfigFile.ToJson(quick with { Loss = TrainingSchemes.DenseLoss(quick.Loss) }), ConfigFile.ToJson(points[0].Config));
        Assert.Equal(["weakly", "weakly+KD", "weakly+KD+MFD"], PaperExperiments.Table1(ExperimentPresets.Quick, upperBound: false).PointLabels());
        Assert.Equal(["teacher dense", "teacher weakly", "dense", "weakly", "weakly+KD", "weakly+KD+MFD"], SweepRunner.RowLabels(PaperExperiments.Table1(quick)));
        // Several teachers are told apart by their network where that differs (Table 4), else by the point they serve.
        Assert.Equal(["teacher weakly · deeplabv3plus-resnet18", "teacher weakly · pspnet-resnet18"],
            SweepRunner.RowLabels(PaperExperiments.Table4(quick)).Where(l => l.StartsWith("teacher", StringComparison.Ordinal)));
        Assert.Equal(["teacher weakly · λ = 0", "teacher weakly · λ = 0.05", "teacher weakly · λ = 0.1", "teacher weakly · λ = 0.2"],
            SweepRunner.RowLabels(PaperExperiments.Get("ablation-gcrf-lambda").Build(quick)).Where(l => l.StartsWith("teacher", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryExperiment_OnATinyPreset_ExpandsIntoDistinctRuns_WhoseClipsTheRenderedFramesHold()
    {
        var config = tiny.Config with { Seeds = [0, 1, 2] };
        foreach (var experiment in PaperExperiments.All)
        {
            if (experiment.Name == "table5")
            {
                Assert.Contains("--preset camvid-cpu", Assert.Throws<ArgumentException>(() => experiment.Build(config)).Message);
                continue;
            }
            var sweep = experiment.Build(config);
            Assert.Equal(experiment.Name, sweep.Name);
            var points = sweep.Expand();
            Assert.True(points.Count >= 2, $"{experiment.Name}: {points.Count} points");
            Assert.Equal(points.Count, points.Select(p => RunIdentity.Key(p.Config, TrainingRole.Student, 0) + p.Variant).Distinct().Count());
            // The data its clips need exists once rendered: every point's clips and TC runs can be formed.
            ExperimentData.EnsureData(sweep.Base);
            foreach (var point in points)
            {
                ExperimentData.NeighbourNotes(point.Config, _ => { });
            }
            // Scaled seeds on the synthetic video are a prefix of the preset's, and the runs keep the preset's seeds list
            // (so they are the runs other experiments train).
            Assert.Equal(config.Seeds.Take(sweep.TrainedSeeds.Count), sweep.TrainedSeeds);
            Assert.All(points, p => Assert.Equal(config.Seeds, p.Config.Seeds));
        }
        Assert.Contains("synthetic video only", PaperExperiments.Get("ablation-flow").OnQuick);
        Assert.Throws<ArgumentException>(() => PaperExperiments.Get("ablation-flow").Build(ExperimentPresets.CamVidCpu));
        Assert.Equal(["forward", "backward", "bi-direction"], PaperExperiments.Table2(config).PointLabels());
        Assert.Contains("unknown experiment 'table9'", Assert.Throws<ArgumentException>(() => PaperExperiments.Get("table9")).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WithFramesAround_RendersLongerSnippetsInAFolderOfTheirOwn_AndLeavesRealDataAlone()
    {
        var quick = ExperimentPresets.Quick; // snippets of 4, labelled frame last: 3 before, 0 after
        var around = PaperExperiments.WithFramesAround(quick, 4, 2);
        Assert.Equal((4, 7), (around.Data.Synthetic!.LabelledIndex, around.Data.Synthetic.SnippetLength));
        Assert.Equal("data/synthetic-quick-4b2a", around.Data.Root);
        Assert.Equal(quick.Data.Synthetic! with { LabelledIndex = 4, SnippetLength = 7 }, around.Data.Synthetic);
        Assert.Same(quick, PaperExperiments.WithFramesAround(quick, 3, 0));
        var camvid = ExperimentPresets.CamVidCpu;
        Assert.Same(camvid, PaperExperiments.WithFramesAround(camvid, 14, 7));
    }

    [Fact]
    public void Run_TrainsOneTeacherForStudentAxes_RecordsTheSweep_AndASecondSweepReusesSharedRuns()
    {
        var workspace = tiny.NewFolder("sweep");
        var log = new List<string>();
        var options = new SweepOptions { Workspace = workspace, Log = log.Add };
        var betas = new Sweep("betas", "β", Quick, [SweepAxis.Over("loss.beta", ["0.5", "1"], "β")]);

        var first = SweepRunner.Run(betas, options);
        Assert.Equal((3, 0), (first.Trained, first.Reused)); // one teacher, two students
        Assert.Contains(log, l => l.Contains("sweep betas on tiny: 2 points × 1 seeds and 1 teachers = 3 runs; 0 reused, 3 to train", StringComparison.Ordinal));
        Assert.Equal(["teacher weakly", "0.5", "1"], first.Rows.Select(r => r.Label));
        Assert.Equal([TrainingRole.Teacher, TrainingRole.Student, TrainingRole.Student], first.Rows.Select(r => r.Role));
        Assert.All(first.Rows, r => Assert.InRange(r.MeanIoU.Mean, 0.0, 1.0));
        Assert.NotEqual(first.Rows[1].MeanIoU.Mean, first.Rows[2].MeanIoU.Mean); // two trainings, not one read twice

        using (var store = ResultStore.ForWorkspace(workspace))
        {
            var record = Assert.Single(store.Sweeps());
            Assert.Equal(("betas", "tiny", betas.Key(), 3), (record.Name, record.Experiment, record.Key, record.Runs));
            var members = store.SweepRuns(record.Id);
            Assert.Equal(["teacher weakly", "0.5", "1"], members.Select(m => m.Point));
            Assert.Equal("1", members[2].AxisValues["β"]);
            Assert.Equal(first.Rows[2].Runs, [members[2].Run.Id]);
            Assert.Equal(Sweep.FromDefinition(record.Definition).DefinitionJson(), betas.DefinitionJson());
            // Exported: one line per run with its axis value, and the store's metrics.
            var csv = SweepExport.RunsCsv(store, record.Id).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("sweep,config,row,role,variant,seed,run,β,mIoU,mPA,TC", csv[0]);
            Assert.Equal(4, csv.Length);
            Assert.StartsWith($"betas,tiny,1,student,weakly+KD+MFD,0,{members[2].Run.Id},1,", csv[3]);
            Assert.Equal(store.FinalMetrics(members[2].Run.Id)["mIoU"], double.Parse(csv[3].Split(',')[8], System.Globalization.CultureInfo.InvariantCulture), 12);
            Assert.Throws<ArgumentException>(() => SweepExport.RunsCsv(store, record.Id + 100));
        }

        // Another sweep over a student key shares the teacher and its point at the base's setting (β = 1, decreasing).
        log.Clear();
        var weights = new Sweep("weights", "W_f", Quick, [SweepAxis.Over("loss.memoryFlow.weight", ["decreasing", "literal"], "W_f")]);
        var second = SweepRunner.Run(weights, options);
        Assert.Equal((1, 2), (second.Trained, second.Reused));
        Assert.Contains("teacher weakly seed 0: finished before, reused", log);
        Assert.Contains("student decreasing seed 0: finished before, reused", log);
        Assert.Equal(first.Rows[2].Runs, second.Rows.Single(r => r.Label == "decreasing").Runs);

        // Running a finished sweep again trains nothing and reads the same rows.
        var again = SweepRunner.Run(betas, options);
        Assert.Equal((0, 3), (again.Trained, again.Reused));
        Assert.Equal(first.Rows.Select(r => (r.Label, r.MeanIoU)), again.Rows.Select(r => (r.Label, r.MeanIoU)));
        using var reopened = ResultStore.ForWorkspace(workspace);
        Assert.Equal(["betas", "weights"], reopened.Sweeps().Select(s => s.Name));
    }

    [Fact]
    public void Store_OfSchemaVersion1_GainsTheSweepTables_KeepingItsRuns()
    {
        var path = Path.Combine(tiny.NewFolder("v1"), ResultStore.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, experiment TEXT NOT NULL, role TEXT NOT NULL, variant TEXT NOT NULL,
                    seed INTEGER NOT NULL, config TEXT NOT NULL, status TEXT NOT NULL, started TEXT NOT NULL, ended TEXT, checkpoint TEXT, message TEXT);
                CREATE TABLE epoch_metrics (run INTEGER NOT NULL, epoch INTEGER NOT NULL, step INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL);
                CREATE TABLE final_metrics (run INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (run, name));
                CREATE TABLE class_iou (run INTEGER NOT NULL, class_index INTEGER NOT NULL, class_name TEXT NOT NULL, iou REAL, PRIMARY KEY (run, class_index));
                CREATE TABLE timings (run INTEGER NOT NULL, name TEXT NOT NULL, seconds REAL NOT NULL);
                INSERT INTO runs (experiment, role, variant, seed, config, status, started) VALUES ('old', 'student', 'weakly', 3, '{}', 'finished', '2026-12-01T00:00:00.000Z');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }
        using var store = ResultStore.Open(path);
        var run = Assert.Single(store.Runs());
        Assert.Equal(("old", 3), (run.Experiment, run.Seed));
        Assert.Empty(store.Sweeps());
        var sweep = store.EnsureSweep(new Sweep("s", "S", tiny.Config, []));
        Assert.Equal(sweep, store.EnsureSweep(new Sweep("s", "S", tiny.Config, []))); // the same definition is one sweep
        store.AddSweepRun(sweep, run.Id, "tiny", []);
        Assert.Equal(run.Id, Assert.Single(store.SweepRuns(sweep)).Run.Id);
        Assert.Throws<ArgumentException>(() => store.AddSweepRun(sweep + 1, run.Id, "tiny", []));
        Assert.Throws<ArgumentException>(() => store.AddSweepRun(sweep, run.Id + 1, "tiny", []));
    }
}

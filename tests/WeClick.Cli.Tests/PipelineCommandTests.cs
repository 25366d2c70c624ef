using WeClick.Experiments;

namespace WeClick.Cli.Tests;

/// <summary>
/// The pipeline commands end to end on a tiny synthetic set: reproduce (teacher, the three Table 1 students, the dense
/// upper bound's teacher and student, evaluation, store, report), then eval and infer on its weights, and config errors that stop a command before anything is written.
/// </summary>
public sealed class PipelineCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("weclick-cli-pipeline-");

    public void Dispose() => folder.Delete(recursive: true);

    private string[] Tiny(string workspace) =>
    [
        "--preset", "quick",
        "--workspace", workspace,
        "--set", $"data.root={Path.Combine(folder.FullName, "data")}",
        "--set", "data.synthetic.width=64", "--set", "data.synthetic.height=32", "--set", "data.synthetic.snippetLength=21",
        "--set", "data.synthetic.trainSnippets=4", "--set", "data.synthetic.valSnippets=2",
        "--set", "data.workers=0", "--set", "seeds=[0]", "--set", "threads=2",
        "--set", "teacher.name=deeplabv3plus-mobilenetv2", "--set", "teacher.widthMultiplier=0.5", "--set", "teacher.backboneWeights=null",
        "--set", "student.widthMultiplier=0.25",
        "--set", "teacherSchedule.epochs=2", "--set", "studentSchedule.epochs=2",
        "--set", "teacherSchedule.batchSize=2", "--set", "studentSchedule.batchSize=2",
        "--set", "teacherSchedule.cropHeight=32", "--set", "teacherSchedule.cropWidth=64",
        "--set", "studentSchedule.cropHeight=32", "--set", "studentSchedule.cropWidth=64",
        "--set", "evaluation.speedFrames=2", "--set", "clip.frames=3", // the paper's n, whatever the quick preset uses
    ];

    [Fact]
    public void Reproduce_RunsEveryTrainerAndEvaluation_FillsTheStore_WritesTheReport_AndWeightsServeEvalAndInfer()
    {
        var workspace = Path.Combine(folder.FullName, "ws");
        var result = CliRunner.Run(["reproduce", .. Tiny(workspace)]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var row in new[] { "teacher dense (deeplabv3plus-mobilenetv2)", "teacher weakly (deeplabv3plus-mobilenetv2)", "student dense ", "student weakly ", "student weakly+KD ", "student weakly+KD+MFD" })
        {
            Assert.Contains(row, result.Stdout);
        }
        Assert.Contains("of dense: mIoU as a share of the same network trained on dense labels", result.Stdout);
        // Every run reports each epoch with a finite loss (that losses fall is TrainingLoopTests' job, on averaged steps).
        foreach (var title in new[] { "teacher weakly seed 0", "teacher dense seed 0", "student dense seed 0", "student weakly seed 0", "student weakly+KD seed 0", "student weakly+KD+MFD seed 0" })
        {
            var totals = result.Stderr.Split('\n').Where(l => l.StartsWith(title + ": epoch", StringComparison.Ordinal) && !l.Contains("val "))
                .Select(l => double.Parse(l.Split("total ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(2, totals.Count);
            Assert.All(totals, t => Assert.True(double.IsFinite(t) && t > 0, $"{title}: total {t}"));
        }
        using (var store = ResultStore.OpenExisting(Path.Combine(workspace, ResultStore.FileName)))
        {
            var runs = store.Runs(new RunFilter("quick", Status: RunStatus.Finished));
            Assert.Equal(6, runs.Count);
            Assert.Equal(["dense", "dense", "weakly", "weakly", "weakly+KD", "weakly+KD+MFD"], runs.Select(r => r.Variant).Order());
            // No selection on the reported split: every run hands on its last epoch (studentSchedule.epochs = 2 here).
            Assert.All(runs, run => Assert.Equal(2, store.FinalMetrics(run.Id)["bestEpoch"]));
            // The threads each run trained with: not in the identity, but recorded (the test's config sets threads=2).
            Assert.All(runs, run => Assert.Equal(2, store.FinalMetrics(run.Id)["threads"]));
            foreach (var run in runs)
            {
                var metrics = store.FinalMetrics(run.Id);
                Assert.InRange(metrics["mIoU"], 0.0, 1.0);
                Assert.InRange(metrics["pixelAccuracy"], double.Epsilon, 1.0); // measured, not the default 0 (2 epochs on 4 frames can score < 1 %)
                Assert.InRange(metrics["temporalConsistency"], 0.01, 1.0); // the quick preset's evaluation.temporalFrames = 4
                Assert.Equal(11, store.PerClassIoU(run.Id).Count);
                Assert.Contains(store.EpochMetrics(run.Id), m => m.Name == "mIoU");
                Assert.Contains(store.Timings(run.Id), t => t.Name == "train" && t.Seconds > 0);
            }
        }
        var report = Path.Combine(workspace, "quick", "report");
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(report, "index.html")));
        var markdown = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("| teacher weakly (deeplabv3plus-mobilenetv2) |", markdown);
        Assert.Contains("| teacher dense (deeplabv3plus-mobilenetv2) |", markdown);
        Assert.Contains("Every row reports its last epoch's weights: no model was selected on the validation split it is reported on.", markdown);
        // The ground truth's TC with the same flow, as a reference row with mIoU blank, and the caveat beside it.
        Assert.Contains("ground-truth labels (reference)", result.Stdout);
        var referenceRow = File.ReadAllLines(Path.Combine(report, "report.md")).Single(l => l.StartsWith("| ground-truth labels (reference) |", StringComparison.Ordinal));
        var cells = referenceRow.Split('|').Select(x => x.Trim()).ToArray(); // "", row, mIoU, of dense, mPA, TC, seeds, ""
        Assert.Equal(("", "", ""), (cells[2], cells[3], cells[4]));
        var reportedReference = double.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reportedReference, 50.0, 100.0);
        Assert.Contains("Reference: ground-truth labels of synthetic/val: 6 pairs in the models' runs of 4 frames", File.ReadAllText(Path.Combine(report, "report.md")));
        Assert.Contains(GroundTruthConsistency.Caveat, File.ReadAllText(Path.Combine(report, "report.md")));
        // How far apart the frames the students and temporal consistency compare are (the video's own frames here).
        Assert.Contains("Student clips: synthetic/train: every clip has its 2 neighbours in the video, at the wanted spacing.", File.ReadAllText(Path.Combine(report, "report.md")));
        Assert.True(File.Exists(Path.Combine(report, "images", "example-0.png")));

        // A second reproduce reuses every finished run.
        var again = CliRunner.Run(["reproduce", .. Tiny(workspace)]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(6, again.Stderr.Split('\n').Count(l => l.EndsWith("finished before, reused", StringComparison.Ordinal)));
        Assert.Single(Directory.GetDirectories(Path.Combine(workspace, "quick"), "teacher-dense-seed0-*"));

        // One folder per run identity: <row>-seed<N>-<eight hex digits of its config's hash>.
        var weights = Path.Combine(Directory.GetDirectories(Path.Combine(workspace, "quick"), "student-weakly+KD+MFD-seed0-*").Single(), "best.safetensors");
        var eval = CliRunner.Run(["eval", .. Tiny(workspace), "--weights", weights, "--speed", "--temporal"]);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        Assert.Contains("on synthetic/val (2 frames): mIoU", eval.Stdout);
        Assert.Contains("FPS (64×32, batch 1, cpu", eval.Stdout);
        // Two labelled frames, each the end of a run of 4 frames: 2 × 3 consecutive pairs.
        Assert.Contains("6 consecutive pairs in runs of 4 frames", eval.Stdout);
        // Below it, the reference over the same runs, and the caveat.
        var reference = eval.Stdout.Split('\n').Single(l => l.StartsWith("reference: ", StringComparison.Ordinal));
        // The same measurement as the report's (printed with 2 decimals there, 1 in the report).
        Assert.InRange(double.Parse(reference.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), reportedReference - 0.05001, reportedReference + 0.05001);
        Assert.Contains(" % for the ground-truth labels of synthetic/val: 6 pairs in the models' runs of 4 frames ending at each labelled frame (1 video frame apart)", reference);
        Assert.Contains(GroundTruthConsistency.Caveat, eval.Stdout);
        using (var store = ResultStore.OpenExisting(Path.Combine(workspace, ResultStore.FileName)))
        {
            var mfd = store.Runs(new RunFilter("quick", Status: RunStatus.Finished)).Single(r => r.Variant == "weakly+KD+MFD");
            var recorded = store.FinalMetrics(mfd.Id)["temporalConsistency"];
            var printed = double.Parse(eval.Stdout.Split("temporal consistency: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(100 * recorded, printed, 2); // the same measurement through reproduce and eval
        }

        var frames = Path.Combine(folder.FullName, "data", "leftImg8bit_sequence", "val", "synthetic");
        var masks = Path.Combine(folder.FullName, "masks");
        var infer = CliRunner.Run(["infer", .. Tiny(workspace), "--weights", weights, "--input", frames, "--out", masks]);
        Assert.True(infer.ExitCode == 0, infer.Stderr);
        Assert.Equal(Directory.GetFiles(frames).Length * 2, Directory.GetFiles(masks).Length);

        // A video file in: an overlay video out, frame for frame.
        var video = Path.Combine(folder.FullName, "val.avi");
        var sources = Directory.GetFiles(frames, "*.png").Order().Take(6).ToList();
        using (var writer = new WeClick.Vision.VideoWriter(video, 10, 64, 32))
        {
            foreach (var file in sources)
            {
                using var image = WeClick.Vision.Image.Read(file);
                writer.Write(image);
            }
        }
        var overlays = Path.Combine(folder.FullName, "video-out");
        var inferVideo = CliRunner.Run(["infer", .. Tiny(workspace), "--weights", weights, "--input", video, "--out", overlays]);
        Assert.True(inferVideo.ExitCode == 0, inferVideo.Stderr);
        Assert.Contains($"6 frames → {Path.Combine(overlays, "overlay.avi")}", inferVideo.Stdout);
        using var reader = new WeClick.Vision.VideoReader(Path.Combine(overlays, "overlay.avi"));
        Assert.Equal((64L, 32L), (reader.Width, reader.Height));
        Assert.Equal(6, reader.Frames().Count(frame => { frame.Dispose(); return true; }));
    }

    [Theory]
    [InlineData("student.name=unet-resnet18", "unknown model 'unet-resnet18'")]
    [InlineData("loss.betta=0", "unknown key 'loss.betta'")]
    [InlineData("data.dataset=camvid", "data.root")]
    [InlineData("teacher.backboneWeights=no/such/resnet18_imagenet.safetensors", "teacher.backboneWeights: 'no/such/resnet18_imagenet.safetensors' does not exist (make it: `weclick models`")]
    public void Train_WithABadConfig_SaysSoInOneLine_AndWritesNothing(string setting, string message)
    {
        var workspace = Path.Combine(folder.FullName, "bad");
        // The quick teacher's ImageNet file is not in the test's folder: leave it out unless the setting names one.
        var result = CliRunner.Run("train", "teacher", "--preset", "quick", "--workspace", workspace, "--set", "teacher.backboneWeights=null", "--set", setting,
            "--set", $"data.root={Path.Combine(folder.FullName, "no-such-data")}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Empty(folder.GetFileSystemInfos());
    }

    [Fact]
    public void Train_PrintsTheMetricsOfTheRunItTrainedOrReused_NotOfAnotherConfigInTheSameWorkspace()
    {
        // Two teachers of one name, role, variant and seed in one workspace (here: 2 epochs and 1 epoch). Asked for the
        // first again, train reuses it and must print its numbers, not those of the run that finished last.
        var workspace = Path.Combine(folder.FullName, "ws");
        string Summary(params string[] extra)
        {
            var result = CliRunner.Run(["train", "teacher", .. Tiny(workspace), .. extra]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return result.Stdout.Split('\n').Single(l => l.StartsWith("teacher weakly seed 0: mIoU", StringComparison.Ordinal));
        }
        static string Metrics(string line) => line.Split("; weights")[0];

        var twoEpochs = Summary();
        var oneEpoch = Summary("--set", "teacherSchedule.epochs=1");
        Assert.NotEqual(Metrics(twoEpochs), Metrics(oneEpoch)); // else this test could not tell the runs apart
        Assert.Equal(twoEpochs, Summary());
    }

    [Fact]
    public void Student_WithoutATrainedTeacher_SaysWhatToRunFirst()
    {
        var workspace = Path.Combine(folder.FullName, "ws");
        var result = CliRunner.Run(["train", "student", .. Tiny(workspace)]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("weclick train teacher", result.Stderr);
        Assert.False(Directory.Exists(workspace));
    }
}

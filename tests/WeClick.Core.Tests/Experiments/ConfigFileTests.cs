using WeClick.Data;
using WeClick.Experiments;
using WeClick.Flow;
using WeClick.Losses;

namespace WeClick.Core.Tests.Experiments;

public class ConfigFileTests
{
    public static TheoryData<string> Presets => [.. ExperimentPresets.Names];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_RoundTripsThroughJson(string name)
    {
        var preset = ExperimentPresets.Get(name);
        var json = ConfigFile.ToJson(preset);
        var back = ConfigFile.FromJson(json);
        Assert.Equal(json, ConfigFile.ToJson(back));
        // Records with lists compare lists by reference: compare the parts that are plain records, and the lists by value.
        Assert.Equal(preset.Data, back.Data);
        Assert.Equal(preset.Teacher, back.Teacher);
        Assert.Equal(preset.StudentSchedule, back.StudentSchedule);
        Assert.Equal(preset.Seeds, back.Seeds);
        Assert.Equal(preset.Loss.GatedCrf.Kernels, back.Loss.GatedCrf.Kernels);
    }

    [Fact]
    public void ToJson_UsesCamelCaseKeysAndEnumNames()
    {
        var json = ConfigFile.ToJson(ExperimentPresets.Quick with { Clip = new ClipConfig { Direction = FrameDirection.BiDirection } });
        Assert.Contains("\"studentSchedule\": {", json);
        Assert.Contains("\"direction\": \"biDirection\"", json);
        Assert.Contains("\"seeds\": [", json);
        Assert.DoesNotContain("\"key\"", json); // ForwardBackwardCheck.Key is computed, not part of the config
    }

    [Fact]
    public void FromJson_MissingKeysTakeDefaults()
    {
        var config = ConfigFile.FromJson("""{ "name": "x", "loss": { "beta": 0 } }""");
        Assert.Equal("x", config.Name);
        Assert.Equal(0.0, config.Loss.Beta);
        Assert.Equal(1.0, config.Loss.Gamma);
        Assert.Equal(new ExperimentConfig().Teacher, config.Teacher);
    }

    [Fact]
    public void FromJson_ThrowsForAnUnknownKey_NamingTheFileThePathAndTheKnownKeys()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFile.FromJson("""{ "loss": { "betta": 0 } }""", "runs/a.json"));
        Assert.StartsWith("runs/a.json: unknown key 'loss.betta' (known keys in 'loss': alpha, beta, gamma, lambda, gatedCrf,", e.Message);
        var top = Assert.Throws<ConfigException>(() => ConfigFile.FromJson("""{ "sedes": [1] }""", "a.json"));
        Assert.StartsWith("a.json: unknown key 'sedes' (known keys: name, data, clicks,", top.Message);
    }

    [Theory]
    [InlineData("""{ "loss": { "beta": "zero" } }""", "a.json: key 'loss.beta' must be a number, got string \"zero\".")]
    [InlineData("""{ "studentSchedule": { "epochs": 2.5 } }""", "a.json: key 'studentSchedule.epochs' must be an integer, got 2.5.")]
    [InlineData("""{ "seeds": [0, "1"] }""", "a.json: key 'seeds[1]' must be an integer, got string \"1\".")]
    [InlineData("""{ "clip": { "direction": "sideways" } }""", "a.json: key 'clip.direction' must be one of forward, backward, biDirection, got string \"sideways\".")]
    [InlineData("""{ "name": null }""", "a.json: key 'name' must be a string, got null.")]
    [InlineData("""{ "loss": { "kdFrames": "every" } }""", "a.json: key 'loss.kdFrames' must be one of all, target, got string \"every\".")]
    [InlineData("""{ "evaluation": { "flip": 1 } }""", "a.json: key 'evaluation.flip' must be a boolean (true or false), got 1.")]
    public void FromJson_ThrowsForAWrongType_NamingKeyAndType(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<ConfigException>(() => ConfigFile.FromJson(json, "a.json")).Message);
    }

    [Fact]
    public void FromJson_AcceptsNullForNullableKeys()
    {
        var config = ConfigFile.FromJson("""{ "teacher": { "name": "pspnet-resnet18", "outputStride": null, "backboneWeights": null } }""");
        Assert.Null(config.Teacher.OutputStride);
        Assert.Equal("pspnet-resnet18", config.Teacher.Name);
    }

    [Fact]
    public void SaveAndLoad_RoundTripAFile_AndLoadNamesAMissingFile()
    {
        var folder = Directory.CreateTempSubdirectory("weclick-config-");
        try
        {
            var path = Path.Combine(folder.FullName, "sub", "quick.json");
            ConfigFile.Save(ExperimentPresets.Quick, path);
            Assert.Equal(ConfigFile.ToJson(ExperimentPresets.Quick), ConfigFile.ToJson(ConfigFile.Load(path)));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left
            var missing = Path.Combine(folder.FullName, "none.json");
            Assert.Contains("none.json: config file does not exist", Assert.Throws<FileNotFoundException>(() => ConfigFile.Load(missing)).Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void KdFrames_DefaultsToEveryInputFrame_AndTakesTarget()
    {
        Assert.Equal(KdFrames.All, ExperimentPresets.Quick.Loss.KdFrames); // Eq. 5: Σ over f = k−n+1..k
        Assert.Contains("\"kdFrames\": \"all\"", ConfigFile.ToJson(ExperimentPresets.Quick));
        var target = ConfigFile.ApplyOverrides(ExperimentPresets.Quick, ["loss.kdFrames=target"]);
        Assert.Equal(KdFrames.Target, target.Loss.KdFrames);
        Assert.Equal(KdFrames.Target, target.Loss.ToLossSettings().KdFrames);
    }

    [Fact]
    public void SupervisionAndSelection_DefaultToClicksAndTheLastEpoch_AndTakeDenseAndValidation()
    {
        var json = ConfigFile.ToJson(ExperimentPresets.Quick);
        Assert.Contains("\"supervision\": \"clicks\"", json);
        Assert.Contains("\"selection\": \"last\"", json);
        var changed = ConfigFile.ApplyOverrides(ExperimentPresets.Quick, ["loss.supervision=dense", "studentSchedule.selection=validation"]);
        Assert.Equal(Supervision.Dense, changed.Loss.ToLossSettings().Supervision);
        Assert.Equal(WeClick.Training.CheckpointSelection.Validation, changed.StudentSchedule.Selection);
        Assert.Equal(WeClick.Training.CheckpointSelection.Last, changed.TeacherSchedule.Selection);
        var e = Assert.ThrowsAny<Exception>(() => ConfigFile.ApplyOverrides(ExperimentPresets.Quick, ["loss.supervision=boxes"]));
        Assert.Contains("loss.supervision", e.Message);
        Assert.Contains("clicks, dense", e.Message);
    }

    [Fact]
    public void ApplyOverrides_SetsTypedValues()
    {
        var config = ConfigFile.ApplyOverrides(ExperimentPresets.Quick,
        [
            "loss.beta=0", "studentSchedule.epochs=3", "seeds=[4,5]", "clip.direction=biDirection", "teacher.outputStride=8",
            "student.backboneWeights=w.safetensors", "flow.occlusionCheck.alpha1=0.02", "evaluation.scales=1,0.75", "loss.distillation.direction=studentToTeacher",
        ]);
        Assert.Equal(0.0, config.Loss.Beta);
        Assert.Equal(3, config.StudentSchedule.Epochs);
        Assert.Equal(ExperimentPresets.Quick.StudentSchedule.LearningRate, config.StudentSchedule.LearningRate);
        Assert.Equal([4, 5], config.Seeds);
        Assert.Equal(FrameDirection.BiDirection, config.Clip.Direction);
        Assert.Equal(8, config.Teacher.OutputStride);
        Assert.Equal("w.safetensors", config.Student.BackboneWeights);
        Assert.Equal(new ForwardBackwardCheck(Alpha1: 0.02), config.Flow.OcclusionCheck);
        Assert.Equal([1.0, 0.75], config.Evaluation.Scales);
        Assert.Equal(KlDirection.StudentToTeacher, config.Loss.Distillation.Direction);
        Assert.Equal("quick", config.Name);

        var back = ConfigFile.ApplyOverrides(config, ["teacher.outputStride=null", "seeds=7"]);
        Assert.Null(back.Teacher.OutputStride);
        Assert.Equal([7], back.Seeds);
    }

    [Theory]
    [InlineData("loss.betta=0", "--set loss.betta=0: unknown key 'loss.betta' (known keys in 'loss': alpha, beta, gamma, lambda, gatedCrf, distillation, memoryFlow, kdFrames, supervision).")]
    [InlineData("lr=0.1", "--set lr=0.1: unknown key 'lr' (known keys: name, data, clicks, teacher, student, loss, clip, flow, teacherSchedule, studentSchedule, evaluation, seeds, device, threads).")]
    [InlineData("loss.beta.x=1", "--set loss.beta.x=1: unknown key 'loss.beta.x' ('loss.beta' is a number, not an object).")]
    [InlineData("loss.beta=high", "--set loss.beta=high: key 'loss.beta' expects a number, got 'high'.")]
    [InlineData("studentSchedule.epochs=3.5", "--set studentSchedule.epochs=3.5: key 'studentSchedule.epochs' expects an integer, got '3.5'.")]
    [InlineData("seeds=0,x", "--set seeds=0,x: key 'seeds' expects an integer, got 'x'.")]
    [InlineData("clip.direction=bi", "--set clip.direction=bi: key 'clip.direction' expects one of forward, backward, biDirection, got 'bi'.")]
    [InlineData("clip.frames=null", "--set clip.frames=null: key 'clip.frames' cannot be null (expected an integer).")]
    [InlineData("loss.kdFrames=neighbours", "--set loss.kdFrames=neighbours: key 'loss.kdFrames' expects one of all, target, got 'neighbours'.")]
    [InlineData("loss.beta", "--set 'loss.beta': expected key=value (e.g. loss.beta=0).")]
    public void ApplyOverrides_ThrowsOneLineNamingKeyValueAndType(string assignment, string message)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFile.ApplyOverrides(ExperimentPresets.Quick, [assignment]));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Validate_AcceptsTheQuickPreset_AndNamesEachProblem()
    {
        // The quick teacher starts from the imported ImageNet ResNet-18, which training needs on disk (setup imports it).
        Assert.Empty(ConfigFile.Validate(ExperimentPresets.Quick, use: ConfigUse.Evaluation));
        var bad = ConfigFile.ApplyOverrides(ExperimentPresets.Quick,
        [
            "student.name=unet-resnet18", "data.dataset=kitti", "seeds=[]", "device=gpu", "studentSchedule.epochs=0",
            "clip.sampling=random", "clip.minInterval=3", "clip.maxInterval=2", "clip.frames=1", "teacherSchedule.learningRate=-1",
        ]);
        var problems = ConfigFile.Validate(bad);
        Assert.Contains(problems, p => p.StartsWith("student.name: unknown model 'unet-resnet18' (known: deeplabv3plus-resnet18,", StringComparison.Ordinal));
        Assert.Contains("data.dataset: unknown dataset 'kitti' (known: synthetic, cityscapes, camvid).", problems);
        Assert.Contains("seeds must not be empty (one run per seed).", problems);
        Assert.Contains("device: 'gpu' is not cpu, cuda or cuda:N.", problems);
        Assert.Contains("studentSchedule.epochs must be >= 1, got 0.", problems);
        Assert.Contains("teacherSchedule.learningRate must be > 0, got -1.", problems);
        Assert.Contains("clip.minInterval and clip.maxInterval must satisfy 1 <= min <= max, got 3..2.", problems);
        Assert.Contains("clip.frames is 1 but loss.beta is 1: MFD needs neighbours (clip.frames >= 2), or set loss.beta=0.", problems);
        Assert.Contains(problems, p => p.StartsWith("data.root: 'data/synthetic-quick' does not exist", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
        Assert.Empty(ConfigFile.Validate(ExperimentPresets.Quick with { Clip = new ClipConfig { Frames = 1 }, Loss = new LossConfig { Beta = 0 } }, use: ConfigUse.Evaluation));
    }

    [Fact]
    public void Validate_NeedsTheDataRootExceptForSynthetic()
    {
        var folder = Directory.CreateTempSubdirectory("weclick-root-");
        try
        {
            var camvid = ExperimentPresets.CamVidQuick with { Data = ExperimentPresets.CamVidQuick.Data with { Root = "camvid" } };
            Assert.Equal(["data.root: 'camvid' does not exist (dataset 'camvid' is read from it)."], ConfigFile.Validate(camvid, folder.FullName, ConfigUse.Evaluation));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "camvid"));
            Assert.Empty(ConfigFile.Validate(camvid, folder.FullName, ConfigUse.Evaluation));
            Assert.Empty(ConfigFile.Validate(ExperimentPresets.Quick, folder.FullName, ConfigUse.Evaluation)); // synthetic: generated on demand
            // Training also needs the teacher's ImageNet file, relative to the same folder.
            Assert.Equal([$"teacher.backboneWeights: '{ExperimentPresets.ResNet18ImageNetWeights}' does not exist (make it: `weclick models` lists each " +
                "backbone's command; `weclick weights import` for resnet18; or set it to null)."], ConfigFile.Validate(ExperimentPresets.Quick, folder.FullName));
            // Inference reads neither the dataset nor the ImageNet files; evaluation reads the dataset only.
            var elsewhere = camvid with { Data = camvid.Data with { Root = "nowhere" }, Student = camvid.Student with { BackboneWeights = "none.safetensors" } };
            Assert.Empty(ConfigFile.Validate(elsewhere, folder.FullName, ConfigUse.Inference));
            Assert.Equal(["data.root: 'nowhere' does not exist (dataset 'camvid' is read from it)."], ConfigFile.Validate(elsewhere, folder.FullName, ConfigUse.Evaluation));
            Assert.Equal(3, ConfigFile.Validate(elsewhere, folder.FullName).Count); // training: the root and both backbone files
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using WeClick.Data.Synthetic;

namespace WeClick.Experiments;

/// <summary>
/// Every experiment of the paper as a sweep of a preset, and the ablations the paper leaves open (issue #14):
/// <c>weclick experiments</c> lists them, <c>weclick reproduce --experiment NAME --preset PRESET</c> runs one. Rows that
/// two experiments share (Table 1's weakly and +KD+MFD rows are Fig. 6's) train once: their runs have one identity.
/// </summary>
/// <remarks>
/// On the synthetic video the experiments that look at frames after the target (backward and bi-directional MFD) or far
/// from it (intervals of 4 and 7) render the synthetic world with the same settings and seed as longer snippets, in a
/// data folder of their own. The generator draws each snippet's camera path and lighting from its length, so these are
/// other scenes than the preset's: such an experiment's rows compare with each other (one teacher, trained on that data,
/// serves them all), not with Table 1's.
/// </remarks>
public static class PaperExperiments
{
    /// <summary>A Table 1 row: the scheme's loss terms from the base loss (β and γ as the base sets them).</summary>
    public static readonly SweepValue Dense = new("dense", ["loss.supervision=dense", "loss.beta=0", "loss.gamma=0"]);

    /// <summary>Clicks only: pCE + λ·GatedCRF (the GatedCRF baseline of the paper's tables).</summary>
    public static readonly SweepValue Weakly = new("weakly", ["loss.beta=0", "loss.gamma=0"]);

    /// <summary>Clicks and KD from the teacher, no MFD.</summary>
    public static readonly SweepValue WeaklyKd = new("weakly+KD", ["loss.beta=0"]);

    /// <summary>WeClick, Eq. 5: clicks, KD and MFD.</summary>
    public static readonly SweepValue WeClick = new("weakly+KD+MFD", []);

    /// <summary>The experiments in <c>weclick experiments</c> order: the paper's, then the ablations.</summary>
    public static IReadOnlyList<PaperExperiment> All { get; } =
    [
        new("table1", "training schemes: dense (upper bound), weakly, weakly+KD, weakly+KD+MFD; and the teacher on clicks and dense labels",
            "", ExperimentChart.Bars, c => Table1(c)) { ProfilesNetworks = true, MeasuresConsistencyReference = true },
        new("table2", "MFD direction: forward, backward, bi-direction (n = 3, interval 1)",
            "snippets rendered with 4 frames before and 2 after the labelled frame (other scenes than Table 1's, so its own teacher)", ExperimentChart.Bars, Table2),
        new("figure5", "input frames n = 1 (no MFD) to 5, forward and bi-direction",
            "snippets with 4 frames before and 2 after; seeds 0 and 1", ExperimentChart.LineOverFrames, Figure5),
        new("table3", "neighbour sampling: interval 1, 4, 7 and random within 1-4, forward and bi-direction (n = 3)",
            "snippets with 14 frames before and 7 after; seeds 0 and 1", ExperimentChart.Bars, Table3),
        new("table4", "teacher/student pairs: DeepLabV3+ and PSPNet teachers on ResNet-101, students on ResNet-18 and MobileNetV2, baseline (weakly) and WeClick, with #Params and FPS",
            "teachers on the ImageNet ResNet-18 (the only ImageNet backbone this machine can make), students on MobileNetV2 ×0.5; seed 0", ExperimentChart.Bars, Table4) { ProfilesNetworks = true },
        new("figure6", "per-class IoU: baseline (weakly) against WeClick (weakly+KD+MFD)",
            "", ExperimentChart.PerClass, Figure6),
        new("figure2", "accuracy against inference speed: WeClick students of every student architecture",
            "students DeepLabV3+ and PSPNet on MobileNetV2 ×0.5 and DeepLabV3+ on the ImageNet ResNet-18; seed 0", ExperimentChart.AccuracyAgainstSpeed, Figure2) { ProfilesNetworks = true },
        new("table5", "the CamVid row: GatedCRF baseline (weakly) and WeClick, with the dense upper bound (needs a CamVid preset)",
            "not on the synthetic video: use --preset camvid-cpu", ExperimentChart.Bars, Table5),
        new("ablation-wf-sign", "W_f of Eq. 3: exp(−|ŷ−ŷ_T|) (decreasing, the text) against exp(+|ŷ−ŷ_T|) (literal, the equation)",
            "", ExperimentChart.Bars, c => Axis(c, "ablation-wf-sign", "W_f sign (ambiguity A1)", SweepAxis.Over("loss.memoryFlow.weight", ["decreasing", "literal"], "W_f"))),
        new("ablation-kl-direction", "KD's KL direction: KL(teacher‖student) against KL(student‖teacher), Eq. 4 as written",
            "", ExperimentChart.Bars, c => Axis(c, "ablation-kl-direction", "KL direction (ambiguity A3)",
                SweepAxis.Over("loss.distillation.direction", ["teacherToStudent", "studentToTeacher"], "KL"))),
        new("ablation-detach-neighbour", "MFD with and without gradients through the warped neighbour's prediction",
            "", ExperimentChart.Bars, c => Axis(c, "ablation-detach-neighbour", "Gradients through the warped neighbour",
                SweepAxis.Over("loss.memoryFlow.detachNeighbour", ["false", "true"], "detach"))),
        new("ablation-kd-frames", "KD on the target frame alone or on every input frame, each without and with MFD (separates MFD from extra KD)",
            "", ExperimentChart.Bars, KdFrames),
        new("ablation-flow", "MFD's flow: DIS against the renderer's exact motion (how much flow error costs MFD), beside +KD",
            "synthetic video only", ExperimentChart.Bars, Flow),
        new("ablation-gcrf-lambda", "the Gated CRF weight λ: 0, 0.05, 0.1 (the paper's), 0.2, for the teacher and the WeClick student",
            "seeds 0 and 1", ExperimentChart.Bars, Lambda),
    ];

    /// <summary>The names, in listing order.</summary>
    public static IReadOnlyList<string> Names => All.Select(e => e.Name).ToArray();

    /// <summary>The experiment of that name.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static PaperExperiment Get(string name) => All.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Unknown experiment '{name}'. Known experiments: {string.Join(", ", Names)} (weclick experiments describes each).", nameof(name));

    /// <summary>Table 1: the training schemes, the dense upper bound first; with the teacher on dense labels too.</summary>
    public static Sweep Table1(ExperimentConfig config, bool upperBound = true) =>
        new("table1", "Training schemes (Table 1)", config, [new SweepAxis("scheme", upperBound ? [Dense, Weakly, WeaklyKd, WeClick] : [Weakly, WeaklyKd, WeClick])])
        {
            DenseTeacher = upperBound,
        };

    /// <summary>Table 2: MFD direction at n = 3 and interval 1.</summary>
    public static Sweep Table2(ExperimentConfig config) =>
        new("table2", "MFD direction (Table 2)", ApplyAll(WithFramesAround(config, 4, 2), "clip.frames=3", "clip.sampling=fixed", "clip.interval=1"),
            [new SweepAxis("direction", [Value("forward", "clip.direction=forward"), Value("backward", "clip.direction=backward"), Value("bi-direction", "clip.direction=biDirection")])]);

    /// <summary>Fig. 5: n = 1 (no MFD: nothing to warp) to 5, forward and bi-direction; bi-direction at n = 2 is forward's.</summary>
    public static Sweep Figure5(ExperimentConfig config)
    {
        var values = new List<SweepValue> { Value("n = 1", "clip.frames=1", "loss.beta=0") };
        values.AddRange(Enumerable.Range(2, 4).Select(n => Value($"forward, n = {n}", "clip.direction=forward", $"clip.frames={n}")));
        values.AddRange(Enumerable.Range(3, 3).Select(n => Value($"bi-direction, n = {n}", "clip.direction=biDirection", $"clip.frames={n}")));
        var based = ApplyAll(WithFramesAround(config, 4, 2), "clip.sampling=fixed", "clip.interval=1");
        return new Sweep("figure5", "Input frames (Fig. 5)", based, [new SweepAxis("frames", values)]) { Seeds = FirstSeedsOnQuick(config, 2) };
    }

    /// <summary>Table 3: sampling interval 1, 4, 7 and random within 1–4 (the paper's "16th to 19th"), forward and bi-direction, n = 3.</summary>
    public static Sweep Table3(ExperimentConfig config)
    {
        var sampling = new SweepAxis("sampling",
        [
            Value("interval 1", "clip.sampling=fixed", "clip.interval=1"),
            Value("interval 4", "clip.sampling=fixed", "clip.interval=4"),
            Value("interval 7", "clip.sampling=fixed", "clip.interval=7"),
            Value("random 1-4", "clip.sampling=random", "clip.minInterval=1", "clip.maxInterval=4"),
        ]);
        var direction = new SweepAxis("direction", [Value("forward", "clip.direction=forward"), Value("bi-direction", "clip.direction=biDirection")]);
        return new Sweep("table3", "Neighbour sampling (Table 3)", ApplyAll(WithFramesAround(config, 14, 7), "clip.frames=3"), [direction, sampling])
        {
            Seeds = FirstSeedsOnQuick(config, 2),
        };
    }

    /// <summary>
    /// Table 4: every student architecture as baseline (weakly) and as WeClick under each teacher. The paper's teachers are
    /// DeepLabV3+ and PSPNet on ResNet-101 and its students on ResNet-18 and MobileNetV2; on the quick preset the teachers
    /// use the ImageNet ResNet-18 and the students MobileNetV2 ×0.5.
    /// </summary>
    public static Sweep Table4(ExperimentConfig config)
    {
        var quick = IsQuick(config);
        var teachers = quick
            ? new[] { ("DL-R18", "deeplabv3plus-resnet18"), ("PSP-R18", "pspnet-resnet18") }
            : new[] { ("DL-R101", "deeplabv3plus-resnet101"), ("PSP-R101", "pspnet-resnet101") };
        var students = quick
            ? new[] { ("DL-MNv2", "deeplabv3plus-mobilenetv2"), ("PSP-MNv2", "pspnet-mobilenetv2") }
            : new[] { ("DL-R18", "deeplabv3plus-resnet18"), ("PSP-R18", "pspnet-resnet18"), ("DL-MNv2", "deeplabv3plus-mobilenetv2"), ("PSP-MNv2", "pspnet-mobilenetv2") };
        var values = new List<SweepValue>();
        foreach (var (student, model) in students)
        {
            values.Add(new SweepValue($"{student} baseline", [$"student.name={model}", .. Weakly.Overrides]));
            values.AddRange(teachers.Select(t => new SweepValue($"{t.Item1} → {student} WeClick", [$"teacher.name={t.Item2}", $"student.name={model}"])));
        }
        return new Sweep("table4", "Teacher/student pairs (Table 4)", config, [new SweepAxis("pair", values)]) { Seeds = FirstSeedsOnQuick(config, 1) };
    }

    /// <summary>Fig. 6: per-class IoU of the baseline and WeClick (Table 1's runs).</summary>
    public static Sweep Figure6(ExperimentConfig config) =>
        new("figure6", "Per-class IoU (Fig. 6)", config, [new SweepAxis("scheme", [Weakly, WeClick])]);

    /// <summary>Fig. 2: WeClick students of each student architecture, for mIoU against FPS.</summary>
    public static Sweep Figure2(ExperimentConfig config)
    {
        var students = IsQuick(config)
            ? new[] { Value("DL-MNv2", "student.name=deeplabv3plus-mobilenetv2"), Value("PSP-MNv2", "student.name=pspnet-mobilenetv2"),
                new SweepValue("DL-R18", ["student.name=deeplabv3plus-resnet18", "student.widthMultiplier=1", $"student.backboneWeights={ExperimentPresets.ResNet18ImageNetWeights}"]) }
            : new[] { Value("DL-R18", "student.name=deeplabv3plus-resnet18"), Value("PSP-R18", "student.name=pspnet-resnet18"),
                Value("DL-MNv2", "student.name=deeplabv3plus-mobilenetv2"), Value("PSP-MNv2", "student.name=pspnet-mobilenetv2") };
        return new Sweep("figure2", "Accuracy against speed (Fig. 2)", config, [new SweepAxis("student", students)]) { Seeds = FirstSeedsOnQuick(config, 1) };
    }

    /// <summary>Table 5: the CamVid row (GatedCRF baseline, WeClick) with the dense upper bound.</summary>
    /// <exception cref="ArgumentException">The preset is not on CamVid.</exception>
    public static Sweep Table5(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Data.Dataset != "camvid")
        {
            throw new ArgumentException($"table5 is the paper's CamVid table, but preset '{config.Name}' reads {config.Data.Dataset}: use --preset camvid-cpu (2 cores, about an hour) or camvid.");
        }
        return new Sweep("table5", "CamVid (Table 5)", config, [new SweepAxis("scheme", [Dense, Weakly, WeClick])]);
    }

    private static Sweep KdFrames(ExperimentConfig config) =>
        new("ablation-kd-frames", "KD frames against MFD", config,
            [SweepAxis.Over("loss.kdFrames", ["target", "all"], "KD frames"), new SweepAxis("scheme", [WeaklyKd, WeClick])]);

    private static Sweep Flow(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Data.Dataset != "synthetic")
        {
            throw new ArgumentException($"ablation-flow compares DIS with the renderer's exact motion, which only the synthetic video has; preset '{config.Name}' reads {config.Data.Dataset}.");
        }
        return new Sweep("ablation-flow", "Flow error and MFD", config,
            [new SweepAxis("flow", [new SweepValue("weakly+KD (no flow)", WeaklyKd.Overrides), Value("weakly+KD+MFD, DIS", "flow.method=dis"), Value("weakly+KD+MFD, exact motion", "flow.method=groundTruth")])]);
    }

    private static Sweep Lambda(ExperimentConfig config) =>
        new("ablation-gcrf-lambda", "Gated CRF weight λ", config, [new SweepAxis("λ", new[] { "0", "0.05", "0.1", "0.2" }.Select(v => Value($"λ = {v}", $"loss.lambda={v}")).ToArray())]) { Seeds = FirstSeedsOnQuick(config, 2) };

    // A sweep of one axis over the WeClick row (an ablation of a WeClick setting).
    private static Sweep Axis(ExperimentConfig config, string name, string title, SweepAxis axis) => new(name, title, config, [axis]);

    private static SweepValue Value(string label, params string[] overrides) => new(label, overrides);

    private static ExperimentConfig ApplyAll(ExperimentConfig config, params string[] overrides) => ConfigFile.ApplyOverrides(config, overrides);

    private static bool IsQuick(ExperimentConfig config) => config.Data.Dataset == "synthetic";

    // The CPU scaling of an experiment: on the synthetic preset, the first `count` of the preset's seeds (the runs keep the
    // preset's seeds list, so they are the same runs other experiments train); elsewhere all of them.
    private static IReadOnlyList<int>? FirstSeedsOnQuick(ExperimentConfig config, int count) =>
        IsQuick(config) ? config.Seeds.Take(count).ToArray() : null;

    /// <summary>
    /// The config with at least <paramref name="before"/> frames before and <paramref name="after"/> after each labelled
    /// synthetic frame: the synthetic world rendered as longer snippets (other scenes: see the remarks above) in a data
    /// folder of its own (<c>&lt;root&gt;-&lt;before&gt;b&lt;after&gt;a</c>). Real datasets are returned as they are: their videos hold the frames.
    /// </summary>
    public static ExperimentConfig WithFramesAround(ExperimentConfig config, int before, int after)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Data.Synthetic is not { } synthetic || config.Data.Dataset != "synthetic")
        {
            return config;
        }
        var has = (Before: synthetic.LabelledIndex, After: synthetic.SnippetLength - 1 - synthetic.LabelledIndex);
        if (has.Before >= before && has.After >= after)
        {
            return config;
        }
        var wanted = (Before: Math.Max(before, has.Before), After: Math.Max(after, has.After));
        var settings = synthetic with { LabelledIndex = wanted.Before, SnippetLength = wanted.Before + wanted.After + 1 };
        return config with { Data = config.Data with { Root = $"{config.Data.Root.TrimEnd('/')}-{wanted.Before}b{wanted.After}a", Synthetic = settings } };
    }
}

using WeClick.Data.Synthetic;
using WeClick.Losses;
using WeClick.Training;
using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>
/// Named starting configs: the paper's two schedules (WeClick §4.1) and <c>quick</c> ones that finish on a laptop CPU.
/// <c>weclick print-config --preset NAME</c> shows one in full; <c>--set key=value</c> changes any key.
/// </summary>
public static class ExperimentPresets
{
    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["quick", "camvid-quick", "camvid-cpu", "camvid", "cityscapes"];

    /// <summary>The preset of that name.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static ExperimentConfig Get(string name) => name switch
    {
        "quick" => Quick,
        "camvid-quick" => CamVidQuick,
        "camvid-cpu" => CamVidCpu,
        "camvid" => CamVid,
        "cityscapes" => Cityscapes,
        _ => throw new ArgumentException($"Unknown preset '{name}'. Known presets: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// Cityscapes as in the paper: teacher DeepLabV3+ R101, student DeepLabV3+ R18, SGD lr 7e-3, batch 4, crop 768×768,
    /// 120 epochs, n = 3 forward neighbours at distance 1. The ImageNet backbones are the files
    /// <c>data-scripts/weights/convert_torchvision.py --output data/weights</c> writes (<c>&lt;name&gt;_imagenet.safetensors</c>).
    /// </summary>
    public static ExperimentConfig Cityscapes => new()
    {
        Name = "cityscapes",
        Data = new DataConfig { Dataset = "cityscapes", Root = "data/cityscapes", Workers = 4 },
        Teacher = new ModelConfig { Name = "deeplabv3plus-resnet101", BackboneWeights = "data/weights/resnet101_imagenet.safetensors" },
        Student = new ModelConfig { Name = "deeplabv3plus-resnet18", BackboneWeights = "data/weights/resnet18_imagenet.safetensors" },
        TeacherSchedule = new ScheduleConfig { LearningRate = 7e-3, BatchSize = 4, CropHeight = 768, CropWidth = 768, Epochs = 120 },
        StudentSchedule = new ScheduleConfig { LearningRate = 7e-3, BatchSize = 4, CropHeight = 768, CropWidth = 768, Epochs = 120 },
        Device = "cuda",
    };

    /// <summary>CamVid as in the paper: SGD lr 1e-4, batch 8, crop 360×360, 200 epochs.</summary>
    public static ExperimentConfig CamVid => Cityscapes with
    {
        Name = "camvid",
        Data = new DataConfig { Dataset = "camvid", Root = "data/camvid", Workers = 4 },
        TeacherSchedule = new ScheduleConfig { LearningRate = 1e-4, BatchSize = 8, CropHeight = 360, CropWidth = 360, Epochs = 200, EvaluateEvery = 20 },
        StudentSchedule = new ScheduleConfig { LearningRate = 1e-4, BatchSize = 8, CropHeight = 360, CropWidth = 360, Epochs = 200, EvaluateEvery = 20 },
    };

    /// <summary>
    /// The synthetic driving video on a CPU: the Table 1 rows and their dense upper bound in minutes (README's main job,
    /// <c>weclick reproduce --preset quick</c>). Issue #13 retuned it: 192 labelled training frames (snippets of 4 frames,
    /// enough for the paper's n = 3 and runs of 4 for temporal consistency) instead of 24, 32 validation frames, the teacher's
    /// ResNet-18 from ImageNet (<c>weclick weights import</c>; scripts/setup.sh runs it), and the Gated CRF's kernel scaled
    /// to the image: GCRF's σ_xy = 6 and radius 5 are in stride-4 prediction pixels of 768-pixel crops, where they span
    /// 3 % of the crop; on a 160-pixel frame the same kernel spans 15 % and, measured, pulls the whole road into the
    /// sidewalk (road IoU 0.3 %; README "The quick preset"), so here σ_xy = 1.5 and radius 2 span about what they span
    /// in the paper.
    /// <para>
    /// Sized to issue #13's 10 minutes on 2 cores (every row, dense bounds included, 3 seeds; measured 9.1 min on
    /// 2026-12-07): teacher 4 epochs (its validation mIoU after 2 of 8 epochs was within 0.5 points of the end), students
    /// 2 epochs, n = 2 input frames (the KD and MFD rows train on every input frame, so their cost grows with n). The
    /// 8-epoch teacher, 4-epoch students and n = 3 took 22.3 min for about 2 points more on every student row.
    /// </para>
    /// </summary>
    public static ExperimentConfig Quick => new()
    {
        Name = "quick",
        Data = new DataConfig
        {
            Dataset = "synthetic",
            Root = "data/synthetic-quick",
            Synthetic = new SyntheticVideoSettings { Width = 160, Height = 80, SnippetLength = 4, LabelledIndex = 3, TrainSnippets = 192, ValSnippets = 32, Seed = 0 },
            Workers = 1,
        },
        Teacher = new ModelConfig { Name = "deeplabv3plus-resnet18", BackboneWeights = ResNet18ImageNetWeights },
        Student = new ModelConfig { Name = "deeplabv3plus-mobilenetv2", WidthMultiplier = 0.5 },
        Clip = new ClipConfig { Frames = 2 },
        Loss = new LossConfig { GatedCrf = new GatedCrfSettings { Kernels = [new GatedCrfKernel(1.0, 1.5, 0.1)], Radius = 2 } },
        TeacherSchedule = new ScheduleConfig { LearningRate = 1e-2, BatchSize = 4, CropHeight = 80, CropWidth = 160, MinScale = 0.75, MaxScale = 1.25, Epochs = 4, EvaluateEvery = 2 },
        StudentSchedule = new ScheduleConfig { LearningRate = 1e-2, BatchSize = 4, CropHeight = 80, CropWidth = 160, MinScale = 0.75, MaxScale = 1.25, Epochs = 2, EvaluateEvery = 2 },
        Evaluation = new EvaluationConfig { SpeedFrames = 10, TemporalFrames = 4 },
        Seeds = [0, 1, 2],
        Device = "cpu",
    };

    /// <summary>The ImageNet ResNet-18 that <c>weclick weights import</c> writes (and scripts/setup.sh imports once).</summary>
    public const string ResNet18ImageNetWeights = "data/weights/resnet18_imagenet.safetensors";

    /// <summary>CamVid on a CPU: the quick networks on 180×240 crops for a few epochs (needs CamVid on disk).</summary>
    public static ExperimentConfig CamVidQuick => Quick with
    {
        Name = "camvid-quick",
        Data = new DataConfig { Dataset = "camvid", Root = "data/camvid", Workers = 1 },
        Clip = new ClipConfig(), // n = 3, as in the paper
        Loss = new LossConfig(), // the paper's Gated CRF kernel
        TeacherSchedule = Quick.TeacherSchedule with { CropHeight = 180, CropWidth = 240, MinScale = 0.5, MaxScale = 1.0, Epochs = 12, EvaluateEvery = 4 },
        StudentSchedule = Quick.StudentSchedule with { CropHeight = 180, CropWidth = 240, MinScale = 0.5, MaxScale = 1.0, Epochs = 6, EvaluateEvery = 3 },
    };

    /// <summary>
    /// CamVid measured in one sitting on 2 CPU cores (issue #13: at most 90 min for every row, upper bound included, one
    /// seed; measured 57.6 min). The paper's Table 5 student, DeepLabV3+ R18 from ImageNet, on the same 480×360 images the
    /// paper trains on; the teacher is the same network (the only ImageNet backbone this
    /// machine can make, <c>weclick weights import</c>; the paper's R101 needs torchvision's download) trained twice as
    /// long, so KD here distils a longer-trained peer, not a bigger network. What the budget cuts, against the paper:
    /// crops of 180×240 at scales 0.5–1.0 (not 360×360), n = 2 input frames (not 3), 12 teacher and 6 student epochs
    /// (not 200), one seed, and temporal consistency over pairs of val frames (2 video frames apart). Needs CamVid on disk (<c>--set data.root=…</c>).
    /// The Gated CRF kernel is scaled to the crop by the quick preset's rule (GCRF's σ_xy = 6 and radius 5 on the stride-4
    /// grid of a 768-pixel crop, times 240/768: σ_xy 2, radius 2). With the paper's kernel every click-trained network
    /// labelled the sky as tree (teacher: sky IoU 1.3 %, mIoU 37.8 %); with the scaled one the teacher scores sky 85.6 %,
    /// mIoU 43.5 % (README "CamVid on this machine").
    /// </summary>
    public static ExperimentConfig CamVidCpu => CamVidQuick with
    {
        // camvid-quick's data, crops and epochs; these differ.
        Name = "camvid-cpu",
        Student = new ModelConfig { Name = "deeplabv3plus-resnet18", BackboneWeights = ResNet18ImageNetWeights },
        Clip = new ClipConfig { Frames = 2 },
        Loss = new LossConfig { GatedCrf = new GatedCrfSettings { Kernels = [new GatedCrfKernel(1.0, 2.0, 0.1)], Radius = 2 } },
        // 12 and 6 epochs, sized from one timed epoch of each (2026-12-07, WECLICK_CONV_GUARD=1, 2 cores): the teacher 55 s,
        // the +KD+MFD student 131 s, the weakly student about as long as the teacher: about 58 min of training. Validation
        // only after the last epoch, which is what every row hands on.
        TeacherSchedule = CamVidQuick.TeacherSchedule with { EvaluateEvery = 0 },
        StudentSchedule = CamVidQuick.StudentSchedule with { EvaluateEvery = 0 },
        Evaluation = new EvaluationConfig { SpeedFrames = 10, TemporalFrames = 3 }, // val is every 2nd video frame: runs of 3 hold a pair
        Seeds = [0],
    };
}

using System.CommandLine;
using WeClick.Engine;
using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Models;
using WeClick.Reports;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick infer</c>: segment a folder of images or a video, one frame at a time (the student alone, as at deployment).</summary>
internal static class InferCommand
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp"];

    public static Command Create()
    {
        var arguments = new ExperimentArguments();
        var trained = new TrainedModelArguments();
        var input = new Option<string>("--input") { Description = "A folder of images (png, jpg) or a video file.", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder: coloured masks (and overlays), or overlay.avi for a video.", Required = true };
        var classes = new Option<string>("--classes") { Description = "Class set of the weights: camvid (also the synthetic video's 11 classes) or cityscapes.", DefaultValueFactory = _ => "camvid" };
        var alpha = new Option<double>("--alpha") { Description = "Mask opacity of the overlays (0..1).", DefaultValueFactory = _ => 0.5 };
        var command = new Command("infer", "Segment a folder of images or a video with trained weights: coloured masks and overlays (a video gives an overlay video).")
        {
            input, output, classes, alpha,
        };
        trained.AddTo(command);
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            // Inference needs the classes (--classes) and the weights, never the training data: data.root is not required.
            var config = arguments.ResolveAndConfigureEngine(parse, ConfigUse.Inference);
            var classSet = parse.GetValue(classes) switch
            {
                "camvid" => Data.ClassSet.CamVid,
                "cityscapes" => Data.ClassSet.Cityscapes,
                var other => throw new ArgumentException($"--classes must be camvid or cityscapes, not '{other}'."),
            };
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var opacity = parse.GetValue(alpha);
            if (opacity is < 0 or > 1)
            {
                throw new ArgumentException($"--alpha must lie in 0..1, not {opacity}.");
            }
            using var network = trained.Load(parse, config, classSet.Count);
            // Only eval-mode forwards follow and the weights are never saved: fold each BatchNorm into its conv (same masks,
            // fewer passes), use channels-last weights where they help, and keep activations in malloc's heap between frames.
            var prepared = InferencePreparation.Prepare(network);
            using var memory = InferenceMemory.Enter();
            var malloc = InferenceMemory.IsRaised ? $"malloc thresholds {InferenceMemory.Threshold >> 30} GiB while inferring" : "malloc thresholds unchanged";
            Console.Error.WriteLine($"{network.Name}: {prepared}; {malloc}");
            var evaluator = new Evaluator(config.Evaluation);
            Directory.CreateDirectory(target);
            if (Directory.Exists(source))
            {
                var files = Directory.GetFiles(source).Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToArray();
                if (files.Length == 0)
                {
                    throw new FileNotFoundException($"--input '{source}' holds no png/jpg/bmp images.");
                }
                ConsoleProgress.Run("segmenting images", files.Length, progress =>
                {
                    for (var i = 0; i < files.Length; i++)
                    {
                        using var scope = NewDisposeScope();
                        var image = Image.Read(files[i]);
                        var (mask, overlay) = Segment(evaluator, network, image, classSet, opacity);
                        var name = Path.GetFileNameWithoutExtension(files[i]);
                        Image.Write(Path.Combine(target, name + "_mask.png"), mask);
                        Image.Write(Path.Combine(target, name + "_overlay.png"), overlay);
                        progress.Report(i + 1);
                    }
                    return 0;
                });
                Console.WriteLine($"{files.Length} images → {target}");
                return 0;
            }
            if (!File.Exists(source))
            {
                throw new FileNotFoundException($"--input '{source}' is neither a folder nor a file.");
            }
            using var reader = new VideoReader(source);
            var video = Path.Combine(target, "overlay.avi");
            var frames = 0;
            using (var writer = new VideoWriter(video, reader.FramesPerSecond > 0 ? reader.FramesPerSecond : 10, reader.Width, reader.Height))
            {
                ConsoleProgress.Run("segmenting video", (int)Math.Max(reader.FrameCount, 1), progress =>
                {
                    foreach (var frame in reader.Frames())
                    {
                        using var scope = NewDisposeScope();
                        var (_, overlay) = Segment(evaluator, network, frame, classSet, opacity);
                        writer.Write(overlay);
                        progress.Report(++frames);
                    }
                    return 0;
                });
            }
            Console.WriteLine($"{frames} frames → {video}");
            return 0;
        });
        return command;
    }

    private static (Tensor Mask, Tensor Overlay) Segment(Evaluator evaluator, Segmentor network, Tensor image, Data.ClassSet classes, double alpha)
    {
        var mask = SegmentationPalette.Colorize(evaluator.Predict(network, image), classes);
        var overlay = image.to(ScalarType.Float32).mul(1 - alpha).add(mask.to(ScalarType.Float32).mul(alpha)).round().to(ScalarType.Byte);
        return (mask, overlay);
    }
}

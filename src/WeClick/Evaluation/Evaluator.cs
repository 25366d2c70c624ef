using System.Diagnostics;
using TorchSharp;
using WeClick.Data;
using WeClick.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Evaluation;

/// <summary>
/// Runs a segmentor over a split and accumulates the confusion matrix, and predicts single images for inference.
/// Every frame goes through the network alone (batch 1), in eval mode without gradients, on the model's device, with
/// the training pipeline's input normalisation (<see cref="Clip.ToTensor"/>; ImageNet statistics unless told otherwise,
/// as <see cref="ClipLoaderOptions.Normalization"/>).
/// </summary>
/// <remarks>
/// Test-time augmentation follows <see cref="EvaluationConfig"/>: for each scale s the normalised image is resized
/// bilinearly (align_corners = false) to round(s·H) × round(s·W), and with <see cref="EvaluationConfig.Flip"/> its
/// mirror image is predicted too (and the result mirrored back); each prediction's logits are resized bilinearly to
/// H × W, turned into softmax probabilities, and the probabilities of all (scale, flip) passes are averaged — the
/// mmsegmentation <c>aug_test</c> recipe. With the default config (scale 1, no flip) this is one forward pass.
/// </remarks>
public sealed class Evaluator
{
    /// <summary>An evaluator with the given test-time settings and input normalisation.</summary>
    /// <param name="config">Flip and scales (null: single scale, no flip).</param>
    /// <param name="normalization">Input normalisation; must be what the model was trained with (null: ImageNet).</param>
    /// <exception cref="ArgumentException">No scale, or a scale that is not finite and positive.</exception>
    public Evaluator(EvaluationConfig? config = null, ImageNormalization? normalization = null)
    {
        Config = config ?? new EvaluationConfig();
        Normalization = normalization ?? ImageNormalization.ImageNet;
        if (Config.Scales is null || Config.Scales.Count == 0)
        {
            throw new ArgumentException("EvaluationConfig.Scales must list at least one scale (1.0 = single scale).", nameof(config));
        }
        foreach (var scale in Config.Scales)
        {
            if (!double.IsFinite(scale) || scale <= 0 || scale > 8)
            {
                throw new ArgumentException($"EvaluationConfig.Scales: {scale} is not a scale in (0, 8].", nameof(config));
            }
        }
    }

    /// <summary>The test-time settings.</summary>
    public EvaluationConfig Config { get; }

    /// <summary>The input normalisation.</summary>
    public ImageNormalization Normalization { get; }

    /// <summary>
    /// Evaluates <paramref name="model"/> on every labelled frame of <paramref name="dataset"/> (clip i read with seed
    /// 0; only the target frame and its label are used, so build the dataset with one frame per clip to skip the
    /// neighbours). The model is put in eval mode for the run and restored to its previous mode afterwards.
    /// </summary>
    /// <param name="model">The segmentor, on the device to evaluate on.</param>
    /// <param name="dataset">The split.</param>
    /// <param name="progress">Called after each frame with (done, total).</param>
    /// <param name="cancellation">Stops between frames.</param>
    /// <exception cref="ArgumentException">The model's class count differs from the dataset's.</exception>
    public EvaluationResult Evaluate(Segmentor model, IClipDataset dataset, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        if (model.Classes != dataset.Classes.Count)
        {
            throw new ArgumentException(
                $"Model '{model.Name}' predicts {model.Classes} classes but dataset '{dataset.Name}' has {dataset.Classes.Count}.", nameof(model));
        }
        var clock = Stopwatch.StartNew();
        var confusion = new ConfusionMatrix(dataset.Classes);
        var device = DeviceOf(model);
        using (EvalMode(model))
        {
            for (var i = 0; i < dataset.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var clip = dataset.GetClip(i, seed: 0);
                var prediction = ProbabilitiesOnDevice(model, clip.Image, device).argmax(0);
                confusion.Add(prediction, clip.Label.to(device));
                progress?.Invoke(i + 1, dataset.Count);
            }
        }
        return new EvaluationResult(dataset.Name, confusion.Metrics(dataset.Classes), confusion, dataset.Count, clock.Elapsed);
    }

    /// <summary>Class probabilities of one image: float32 [C, H, W] on the image's device (averaged over the test-time passes).</summary>
    /// <param name="model">The segmentor (its mode is restored afterwards).</param>
    /// <param name="image">uint8 [H, W, 3] RGB, as <see cref="Clip.Image"/>.</param>
    /// <exception cref="ArgumentException">The image is not uint8 [H, W, 3].</exception>
    public Tensor Probabilities(Segmentor model, Tensor image)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        using var mode = EvalMode(model);
        return ProbabilitiesOnDevice(model, image, DeviceOf(model)).to(image.device).MoveToOuterDisposeScope();
    }

    /// <summary>The predicted class of every pixel of one image: int64 [H, W] on the image's device (argmax of <see cref="Probabilities"/>).</summary>
    /// <param name="model">The segmentor (its mode is restored afterwards).</param>
    /// <param name="image">uint8 [H, W, 3] RGB.</param>
    /// <exception cref="ArgumentException">The image is not uint8 [H, W, 3].</exception>
    public Tensor Predict(Segmentor model, Tensor image)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        using var mode = EvalMode(model);
        return ProbabilitiesOnDevice(model, image, DeviceOf(model)).argmax(0).to(image.device).MoveToOuterDisposeScope();
    }

    /// <summary>The device of the model's first parameter (CPU for a model without parameters).</summary>
    internal static Device DeviceOf(Segmentor model) => model.parameters().Select(p => p.device).DefaultIfEmpty(CPU).First();

    /// <summary>Puts the model in eval mode until disposed, then restores its previous mode.</summary>
    internal static IDisposable EvalMode(Segmentor model)
    {
        var wasTraining = model.training;
        model.eval();
        return new ModeRestorer(model, wasTraining);
    }

    // float32 [C, H, W] on `device`; the caller holds a dispose scope and eval mode.
    private Tensor ProbabilitiesOnDevice(Segmentor model, Tensor image, Device device)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || image.size(2) != 3 || image.dtype != ScalarType.Byte)
        {
            throw new ArgumentException($"An image must be uint8 [H, W, 3] RGB, got {image.dtype} [{string.Join(", ", image.shape)}].", nameof(image));
        }
        using var guard = no_grad();
        long height = image.size(0), width = image.size(1);
        var input = Clip.ToTensor(image.to(device), Normalization).unsqueeze(0); // [1, 3, H, W]
        Tensor? sum = null;
        var passes = 0;
        foreach (var scale in Config.Scales)
        {
            var scaled = scale == 1.0
                ? input
                : F.interpolate(input, size: [Math.Max(1, (long)Math.Round(height * scale)), Math.Max(1, (long)Math.Round(width * scale))],
                    mode: InterpolationMode.Bilinear, align_corners: false);
            foreach (var flip in Config.Flip ? new[] { false, true } : [false])
            {
                var logits = model.call(flip ? scaled.flip(3) : scaled).Logits;
                if (flip)
                {
                    logits = logits.flip(3);
                }
                if (logits.size(2) != height || logits.size(3) != width)
                {
                    logits = F.interpolate(logits, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
                }
                var probabilities = logits.softmax(1);
                sum = sum is null ? probabilities : sum.add(probabilities);
                passes++;
            }
        }
        return sum!.div(passes).squeeze(0);
    }

    private sealed class ModeRestorer(Segmentor model, bool training) : IDisposable
    {
        public void Dispose() => model.train(training);
    }
}

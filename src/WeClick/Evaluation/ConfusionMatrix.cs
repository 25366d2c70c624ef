using TorchSharp;
using WeClick.Data;
using static TorchSharp.torch;

namespace WeClick.Evaluation;

/// <summary>
/// The pixel confusion matrix of a segmentation over a split: <c>Counts[g, p]</c> is the number of pixels whose ground
/// truth is class g and whose prediction is class p (rows = ground truth, columns = prediction). Pixels whose ground
/// truth is <see cref="IgnoreIndex"/> (void) are not counted. Accumulate with <see cref="Add"/> frame by frame (or
/// <see cref="Merge"/> partial matrices), then read <see cref="Metrics(ClassSet)"/>.
/// </summary>
/// <remarks>Counting runs in libtorch on the tensors' device (one scatter-add over g·C + p), never pixel by pixel in C#.</remarks>
public sealed class ConfusionMatrix
{

    private readonly long[,] counts;

    /// <summary>An empty matrix for <paramref name="classes"/> classes.</summary>
    /// <param name="classes">Number of classes C (≥ 1).</param>
    /// <param name="ignoreIndex">Ground-truth value of void pixels (255).</param>
    /// <exception cref="ArgumentOutOfRangeException">C &lt; 1, or the ignore index is a class index in 0..C − 1.</exception>
    public ConfusionMatrix(int classes, int ignoreIndex = 255)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (ignoreIndex >= 0 && ignoreIndex < classes)
        {
            throw new ArgumentOutOfRangeException(nameof(ignoreIndex), ignoreIndex, $"The ignore index must not be a class index (0..{classes - 1}).");
        }
        Classes = classes;
        IgnoreIndex = ignoreIndex;
        counts = new long[classes, classes];
    }

    /// <summary>An empty matrix for the classes of <paramref name="classSet"/> and its ignore index.</summary>
    public ConfusionMatrix(ClassSet classSet)
        : this((classSet ?? throw new ArgumentNullException(nameof(classSet))).Count, classSet.IgnoreIndex)
    {
    }

    /// <summary>Number of classes C.</summary>
    public int Classes { get; }

    /// <summary>Ground-truth value of void pixels, never counted.</summary>
    public int IgnoreIndex { get; }

    /// <summary>Total counted (non-void) pixels.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var n in counts)
            {
                total += n;
            }
            return total;
        }
    }

    /// <summary>A copy of the counts, [C, C]: rows = ground truth, columns = prediction.</summary>
    public long[,] Counts => (long[,])counts.Clone();

    /// <summary>The count of ground truth <paramref name="truth"/> predicted as <paramref name="prediction"/>.</summary>
    public long this[int truth, int prediction] => counts[truth, prediction];

    /// <summary>
    /// Counts one frame or a batch. Ground-truth pixels equal to <see cref="IgnoreIndex"/> are skipped; predictions are
    /// counted wherever the ground truth is a class.
    /// </summary>
    /// <param name="prediction">int64 or uint8 class indices, [N, H, W] or [H, W], values in 0..C − 1 (where counted).</param>
    /// <param name="label">Ground truth of the same shape (int64 or uint8), values in 0..C − 1 or the ignore index.</param>
    /// <exception cref="ArgumentException">The shapes differ, a dtype is not integral, or a value is out of range (the message says which).</exception>
    public void Add(Tensor prediction, Tensor label)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(label);
        if (!prediction.shape.SequenceEqual(label.shape) || prediction.dim() is not (2 or 3))
        {
            throw new ArgumentException(
                $"ConfusionMatrix.Add: prediction [{string.Join(", ", prediction.shape)}] and label [{string.Join(", ", label.shape)}] must have one shape, [N, H, W] or [H, W].",
                nameof(prediction));
        }
        CheckIntegral(prediction, nameof(prediction));
        CheckIntegral(label, nameof(label));
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var truth = label.to(ScalarType.Int64).flatten();
        var predicted = prediction.to(ScalarType.Int64, truth.device).flatten();
        var counted = truth.ne(IgnoreIndex);
        truth = truth.masked_select(counted);
        predicted = predicted.masked_select(counted);
        if (truth.numel() == 0)
        {
            return;
        }
        CheckRange(truth, "label", $"a class (0..{Classes - 1}) or the ignore index {IgnoreIndex}");
        CheckRange(predicted, "prediction", $"a class (0..{Classes - 1})");
        var index = truth.mul(Classes).add(predicted);
        var flat = zeros([(long)Classes * Classes], ScalarType.Int64, index.device).scatter_add_(0, index, ones_like(index));
        var values = HostArrays.ToArray<long>(flat);
        for (var g = 0; g < Classes; g++)
        {
            for (var p = 0; p < Classes; p++)
            {
                counts[g, p] += values[g * Classes + p];
            }
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (e.g. a matrix accumulated by another worker).</summary>
    /// <exception cref="ArgumentException">The class count or ignore index differs.</exception>
    public void Merge(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Classes != Classes || other.IgnoreIndex != IgnoreIndex)
        {
            throw new ArgumentException(
                $"ConfusionMatrix.Merge: {other.Classes} classes (ignore {other.IgnoreIndex}) cannot merge into {Classes} classes (ignore {IgnoreIndex}).",
                nameof(other));
        }
        for (var g = 0; g < Classes; g++)
        {
            for (var p = 0; p < Classes; p++)
            {
                counts[g, p] += other.counts[g, p];
            }
        }
    }

    /// <summary>Metrics of the counts so far, named after <paramref name="classSet"/>'s classes.</summary>
    /// <exception cref="ArgumentException">The class set has a different number of classes.</exception>
    public SegmentationMetrics Metrics(ClassSet classSet)
    {
        ArgumentNullException.ThrowIfNull(classSet);
        return Metrics(classSet.Names);
    }

    /// <summary>Metrics of the counts so far with the given class names (null: "0", "1", ...).</summary>
    /// <exception cref="ArgumentException">The number of names differs from <see cref="Classes"/>.</exception>
    public SegmentationMetrics Metrics(IReadOnlyList<string>? names = null) =>
        SegmentationMetrics.FromCounts(counts, names ?? Enumerable.Range(0, Classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    private static void CheckIntegral(Tensor t, string name)
    {
        if (t.dtype is not (ScalarType.Int64 or ScalarType.Byte or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8))
        {
            throw new ArgumentException($"ConfusionMatrix.Add: {name} must hold integer class indices (int64 or uint8), got {t.dtype}.", name);
        }
    }

    private void CheckRange(Tensor values, string name, string expected)
    {
        var (low, high) = (values.min().item<long>(), values.max().item<long>());
        if (low < 0 || high >= Classes)
        {
            throw new ArgumentException($"ConfusionMatrix.Add: {name} holds {(low < 0 ? low : high)}, expected {expected}.", name);
        }
    }
}

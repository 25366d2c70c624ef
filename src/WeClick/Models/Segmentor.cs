using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Models;

/// <summary>
/// Backbone + head: a semantic segmentation network (the teacher and the student of WeClick are both
/// segmentors). Logits are upsampled bilinearly (align_corners = false) to the input size.
/// </summary>
public sealed class Segmentor : nn.Module<Tensor, SegmentationOutput>
{
    private readonly Backbone backbone;
    private readonly SegmentationHead head;

    /// <summary>Joins a backbone and a head (the head must accept the backbone's channels).</summary>
    public Segmentor(string name, Backbone backbone, SegmentationHead head) : base(nameof(Segmentor))
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        this.backbone = backbone ?? throw new ArgumentNullException(nameof(backbone));
        this.head = head ?? throw new ArgumentNullException(nameof(head));
        RegisterComponents();
    }

    /// <summary>The catalogue name, e.g. <c>deeplabv3plus-resnet18</c>.</summary>
    public string Name { get; }

    /// <summary>The feature extractor (parameter names under <c>backbone.</c>).</summary>
    public Backbone Backbone => backbone;

    /// <summary>The decoder (parameter names under <c>head.</c>).</summary>
    public SegmentationHead Head => head;

    /// <summary>Number of classes.</summary>
    public long Classes => head.Classes;

    /// <summary>The state dict in PyTorch's key order (see <see cref="ModuleExtensions"/>); TorchSharp's own lists parameters before buffers.</summary>
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) =>
        ModuleExtensions.PyTorchStateDict(this, destination, prefix);

    /// <summary>
    /// Folds every BatchNorm2d into the convolution feeding it, for inference only (see <see cref="BatchNormFolding"/>):
    /// the folded model computes the same logits without the BN passes, but cannot be trained or saved as a training checkpoint.
    /// </summary>
    /// <returns>How many BatchNorm2d layers were folded (0 when already folded).</returns>
    /// <exception cref="InvalidOperationException">The model is in training mode: call <c>eval()</c> first.</exception>
    public int FoldBatchNorm() => BatchNormFolding.Fold(this);

    /// <summary>[N, 3, H, W] normalised images → logits at the input size (and the head's own-resolution logits).</summary>
    public override SegmentationOutput forward(Tensor input)
    {
        long height = input.size(-2), width = input.size(-1);
        var features = backbone.call(input);
        var output = head.call(features);
        // The features are not part of the result: free them now (autograd keeps what backward needs).
        features.Low.Dispose();
        features.Auxiliary.Dispose();
        features.High.Dispose();
        var logits = F.interpolate(output.Logits, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        var auxiliary = output.Auxiliary is null ? null : F.interpolate(output.Auxiliary, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return new SegmentationOutput(logits, output.Logits, auxiliary);
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Benchmarks;

/// <summary>
/// A small ResNet-style segmenter for the engine benchmark, layer for layer the same as BenchNet in
/// python/engine_bench.py: a stride-2 stem, two basic residual blocks (stride 8 in all), a 1×1
/// classifier and bilinear upsampling to the input size.
/// </summary>
/// <remarks>Field names are PyTorch's attribute names, so the state dicts of the two sides line up.</remarks>
public sealed class BenchNet : nn.Module<Tensor, Tensor>
{
    private readonly Sequential stem = nn.Sequential(nn.Conv2d(3, 32, 3, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(32), nn.ReLU());
    private readonly BenchBlock layer1 = new(32, 64, 2);
    private readonly BenchBlock layer2 = new(64, 128, 2);
    private readonly Conv2d classifier;

    /// <summary>Creates the net with <paramref name="classes"/> output channels.</summary>
    public BenchNet(long classes = 19) : base(nameof(BenchNet))
    {
        classifier = nn.Conv2d(128, classes, 1);
        RegisterComponents();
    }

    /// <summary>[N, 3, H, W] → logits [N, classes, H, W].</summary>
    public override Tensor forward(Tensor input)
    {
        var logits = classifier.call(layer2.call(layer1.call(stem.call(input))));
        return F.interpolate(logits, size: [input.size(-2), input.size(-1)], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}

/// <summary>Basic residual block: two 3×3 conv + BN, stride on the first, a 1×1 projection shortcut.</summary>
public sealed class BenchBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential down;

    /// <summary>Creates a block from <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    public BenchBlock(long inChannels, long outChannels, long stride) : base(nameof(BenchBlock))
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        down = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        RegisterComponents();
    }

    /// <summary>relu(bn2(conv2(relu(bn1(conv1(x))))) + down(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        var y = bn1.call(conv1.call(input)).relu();
        y = bn2.call(conv2.call(y));
        return (y + down.call(input)).relu();
    }
}

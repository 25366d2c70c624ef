using WeClick.Models;
using TorchSharp.Modules;

namespace WeClick.Core.Tests.Models;

/// <summary>A two-conv backbone (stride 4 low, stride 8 aux and high) for testing code that only needs the contract.</summary>
internal sealed class TinyBackbone : Backbone
{
    private readonly Conv2d stem = nn.Conv2d(3, 4, 3, stride: 4, padding: 1, bias: false);
    private readonly BatchNorm2d bn = nn.BatchNorm2d(4);
    private readonly Conv2d down = nn.Conv2d(4, 6, 3, stride: 2, padding: 1);

    public TinyBackbone() : base(nameof(TinyBackbone)) => RegisterComponents();

    public override long LowChannels => 4;
    public override long AuxiliaryChannels => 6;
    public override long HighChannels => 6;
    public override int OutputStride => 8;

    public override BackboneFeatures forward(Tensor input)
    {
        var low = bn.call(stem.call(input)).relu();
        var high = down.call(low).relu();
        return new BackboneFeatures(low, high, high);
    }
}

/// <summary>A 1×1 classifier on the high features.</summary>
internal sealed class TinyHead(long classes) : SegmentationHead(nameof(TinyHead))
{
    private readonly Conv2d classifier = nn.Conv2d(6, classes, 1);

    public override long Classes { get; } = classes;

    public TinyHead Registered()
    {
        RegisterComponents();
        return this;
    }

    public override HeadOutput forward(BackboneFeatures input) => new(classifier.call(input.High), null);
}

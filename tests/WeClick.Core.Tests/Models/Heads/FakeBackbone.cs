using WeClick.Models;

namespace WeClick.Core.Tests.Models.Heads;

/// <summary>A backbone that only declares channels and stride (for the heads' <c>For</c> factories).</summary>
internal sealed class FakeBackbone(long low, long auxiliary, long high, int outputStride) : Backbone(nameof(FakeBackbone))
{
    public override long LowChannels => low;

    public override long AuxiliaryChannels => auxiliary;

    public override long HighChannels => high;

    public override int OutputStride => outputStride;

    public override BackboneFeatures forward(Tensor input) => throw new NotSupportedException();
}

using WeClick.Models;
using WeClick.Models.Heads;

namespace WeClick.Core.Tests.Models.Heads;

/// <summary>
/// Head parameter counts against the paper (algorithms.md §5, A10): total = torchvision backbone (no fc) + head, with
/// 19 classes. The exact head counts come from the PyTorch twins (Reference/heads.py --counts) and from the closed
/// forms below; the totals round to the paper's numbers.
/// </summary>
public sealed class HeadParameterCountTests
{
    // algorithms.md §5.1: torchvision backbone parameters without the classifier.
    private const long ResNet18 = 11_176_512, ResNet34 = 21_284_672, ResNet101 = 42_500_160, MobileNetV2 = 2_223_872;

    /// <summary>DeepLabV3+ head, closed form: ASPP (1×1, 3 atrous 3×3, pooling 1×1, projection) + decoder, BN = 2 per channel.</summary>
    private static long DeepLabCount(long low, long high, long classes)
    {
        const long a = 256, skip = 48;
        var aspp = 2 * (high * a + 2 * a) + 3 * (9 * high * a + 2 * a) + (5 * a * a + 2 * a);
        var decoder = (low * skip + 2 * skip) + (9 * (a + skip) * a + 2 * a) + (9 * a * a + 2 * a) + (a * classes + classes);
        return aspp + decoder;
    }

    /// <summary>PSP head, closed form: 4 branches (1×1 in→in/4 + BN), 3×3 conv 2·in→256 + BN, 1×1 classifier; aux 3×3 aux→256 + BN + 1×1.</summary>
    private static long PspCount(long high, long aux, long classes, bool auxiliary)
    {
        var r = high / 4;
        var ppm = 4 * (high * r + 2 * r);
        var cls = 9 * (high + 4 * r) * 256 + 2 * 256 + 256 * classes + classes;
        var auxHead = auxiliary ? 9 * aux * 256 + 2 * 256 + 256 * classes + classes : 0;
        return ppm + cls + auxHead;
    }

    [Theory]
    [InlineData(64, 512, ResNet18, 5_431_155, 16_607_667, 16.61)]     // DL-R18
    [InlineData(64, 512, ResNet34, 5_431_155, 26_715_827, 26.72)]     // DL-R34 (Gated CRF's baseline, Table 5)
    [InlineData(256, 2048, ResNet101, 16_843_635, 59_343_795, 59.34)] // DL-R101
    [InlineData(24, 1280, MobileNetV2, 11_130_867, 13_354_739, 13.35)] // DL-MobileNetV2, ASPP on the 1280-ch features
    public void DeepLabV3Plus_MatchesThePaper(long low, long high, long backbone, long head, long total, double paperMillions)
    {
        using var model = new DeepLabV3PlusHead(low, high, 19);
        Assert.Equal(head, model.parameter_count());
        Assert.Equal(head, DeepLabCount(low, high, 19));
        Assert.Equal(total, backbone + head);
        Assert.Equal(paperMillions, Math.Round(total / 1e6, 2));
    }

    [Fact]
    public void DeepLabV3Plus_OutputStride8_HasTheSameParameters()
    {
        using var os8 = new DeepLabV3PlusHead(64, 512, 19, outputStride: 8);
        Assert.Equal(5_431_155, os8.parameter_count());
    }

    [Theory]
    [InlineData(512, 256, ResNet18, false, 2_627_859, 13_804_371)]    // PSP-R18: the paper's 13.80 M
    [InlineData(512, 256, ResNet18, true, 3_223_078, 14_399_590)]     // + ETC's aux head (0.595 M)
    [InlineData(2048, 1024, ResNet101, false, 13_640_979, 56_141_139)] // ours; the paper's 69.31 M is not reproducible
    [InlineData(2048, 1024, ResNet101, true, 16_005_670, 58_505_830)]
    [InlineData(1280, 96, MobileNetV2, false, 7_544_595, 9_768_467)]   // ours; the paper's 10.31 M is not reproducible
    [InlineData(1280, 96, MobileNetV2, true, 7_771_174, 9_995_046)]
    public void Psp_MatchesTheReferenceRule(long high, long aux, long backbone, bool auxiliary, long head, long total)
    {
        using var model = new PspHead(high, aux, 19, auxiliary: auxiliary);
        Assert.Equal(head, model.parameter_count());
        Assert.Equal(head, PspCount(high, aux, 19, auxiliary));
        Assert.Equal(total, backbone + head);
    }

    [Fact]
    public void Psp_R18WithoutAuxiliary_IsThePapers13Point80M()
    {
        using var model = new PspHead(512, 256, 19);
        Assert.Equal(13.80, Math.Round((ResNet18 + model.parameter_count()) / 1e6, 2));
    }
}

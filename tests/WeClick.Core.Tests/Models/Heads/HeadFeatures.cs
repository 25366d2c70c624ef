using WeClick.Models;

namespace WeClick.Core.Tests.Models.Heads;

/// <summary>Seeded random backbone features and checks shared by the head tests.</summary>
internal static class HeadFeatures
{
    /// <summary>Random features: low [N, lowC, 4s, 4s'], aux and high [N, C, s, s'] (s = high size).</summary>
    public static BackboneFeatures Random(long batch, long lowChannels, (long h, long w) lowSize, long auxChannels, long highChannels,
        (long h, long w) highSize, long seed = 7)
    {
        manual_seed(seed);
        return new BackboneFeatures(
            randn([batch, lowChannels, lowSize.h, lowSize.w]),
            randn([batch, auxChannels, highSize.h, highSize.w]),
            randn([batch, highChannels, highSize.h, highSize.w]));
    }

    /// <summary>Names of the parameters whose gradient is missing or all zero after a backward pass.</summary>
    public static List<string> ParametersWithoutGradient(nn.Module module)
    {
        var missing = new List<string>();
        foreach (var (name, p) in module.named_parameters())
        {
            using var grad = p.grad;
            if (grad is null)
            {
                missing.Add(name);
                continue;
            }
            using var magnitude = grad.abs().sum();
            if (magnitude.item<float>() == 0 || !float.IsFinite(magnitude.item<float>()))
            {
                missing.Add(name);
            }
        }
        return missing;
    }
}

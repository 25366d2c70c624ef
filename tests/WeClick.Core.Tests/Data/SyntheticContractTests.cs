using WeClick.Clicks;
using WeClick.Core.Tests.Support;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Flow;

namespace WeClick.Core.Tests.Data;

/// <summary>
/// The on-disk contract end to end: what SyntheticDatasetWriter writes, CityscapesDataset reads — frames,
/// labels, instances, clicks and ground-truth flows — and augmentation keeps the flows right.
/// </summary>
public sealed class SyntheticContractTests(SmallSyntheticSet set) : IClassFixture<SmallSyntheticSet>
{
    private readonly string _root = set.Root;

    private CityscapesDataset Open(int frames = 3) => new(_root, "train", new ClipDatasetOptions(frames, FrameDirection.Forward)
    {
        FlowSource = GroundTruthFlowSource.Get,
        Clicks = ClickSource.Generate(ClickSettings.CamVid),
    });

    [Fact]
    public void Layout_IsComplete_AndDescribesTheSyntheticClasses()
    {
        var report = CityscapesLayout.Check(_root);
        Assert.True(report.IsComplete, report.ToString());
        var dataset = Open();
        Assert.Equal(2, dataset.Count);
        Assert.Equal(SyntheticClasses.Names, dataset.Classes.Names);
        Assert.Equal([8, 9, 10], dataset.Classes.InstanceClasses);
    }

    [Fact]
    public void Clip_CarriesNeighboursWithGroundTruthFlowThatAlignsThemToTheTarget()
    {
        var dataset = Open();
        using var clip = dataset.GetClip(0, seed: 0);
        Assert.Equal(new[] { clip.TargetIndex - 2, clip.TargetIndex - 1 }, clip.Neighbours.Select(n => n.Index));
        using var scope = NewDisposeScope();
        var target = BackwardWarp.Grey(clip.Image);
        foreach (var neighbour in clip.Neighbours)
        {
            Assert.NotNull(neighbour.Flow);
            Assert.Equal(new long[] { 2, 128, 256 }, neighbour.Flow!.shape);
            var valid = neighbour.FlowValid!.@bool().unsqueeze(0);
            var source = BackwardWarp.Grey(neighbour.Image);
            var warped = BackwardWarp.Apply(source, neighbour.Flow, "bilinear");
            var aligned = (warped - target).abs().masked_select(valid).mean().ToDouble();
            var unaligned = (source - target).abs().masked_select(valid).mean().ToDouble();
            var reversed = (BackwardWarp.Apply(source, -neighbour.Flow, "bilinear") - target).abs().masked_select(valid).mean().ToDouble();
            // Between adjacent frames the motion is a few pixels; the right flow must still clearly beat no flow and the reversed flow.
            Assert.True(aligned < 0.7 * unaligned && aligned < 0.7 * reversed,
                $"frame {neighbour.Index}: warped error {aligned:F2}, unwarped {unaligned:F2}, reversed flow {reversed:F2}");
        }
    }

    [Fact]
    public void Clip_ClicksComeFromTheInstanceMap_OnePerInstance()
    {
        var dataset = Open(frames: 1);
        using var clip = dataset.GetClip(1, seed: 0);
        Assert.NotNull(clip.Instances);
        using var scope = NewDisposeScope();
        var instances = clip.Instances!.data<int>().ToArray().Where(v => v >= 1000).Distinct().Count();
        Assert.Equal(instances, clip.Clicks.Count(c => c.ClassId is 8 or 9 or 10));
        Assert.All(clip.Clicks, c => Assert.Equal(c.ClassId, clip.Label[(int)c.Y][(int)c.X].ToInt64()));
    }

    [Fact]
    public void AugmentedClip_FlowsStillAlignTheNeighbours()
    {
        using var loader = new ClipLoader(Open(), new ClipLoaderOptions(Seed: 4) { Augmentation = new AugmentationSettings(CropHeight: 96, CropWidth: 192) });
        var checkedFrames = 0;
        for (var i = 0; i < 2; i++)
        {
            using var clip = loader.LoadClip(epoch: 0, index: i);
            using var scope = NewDisposeScope();
            var target = BackwardWarp.Grey(clip.Image);
            foreach (var neighbour in clip.Neighbours)
            {
                // Valid: a real pixel of the target, visible in the neighbour, with its source inside the crop.
                var valid = neighbour.FlowValid!.@bool().logical_and(clip.Valid.@bool()).unsqueeze(0);
                if (valid.sum().ToInt64() < 100)
                {
                    continue;
                }
                var warped = BackwardWarp.Apply(BackwardWarp.Grey(neighbour.Image), neighbour.Flow!, "bilinear");
                var aligned = (warped - target).abs().masked_select(valid).mean().ToDouble();
                var unaligned = (BackwardWarp.Grey(neighbour.Image) - target).abs().masked_select(valid).mean().ToDouble();
                var reversed = (BackwardWarp.Apply(BackwardWarp.Grey(neighbour.Image), -neighbour.Flow!, "bilinear") - target).abs().masked_select(valid).mean().ToDouble();
                // A wrong sign after a flip, or unscaled vectors, would make the reversed or the unwarped frame fit better.
                Assert.True(aligned < 0.8 * unaligned && aligned < 0.8 * reversed,
                    $"clip {i}, frame {neighbour.Index}: warped error {aligned:F2}, unwarped {unaligned:F2}, reversed flow {reversed:F2}");
                checkedFrames++;
            }
        }
        Assert.True(checkedFrames >= 2);
    }
}

/// <summary>A small noise-free synthetic set written once for <see cref="SyntheticContractTests"/>.</summary>
public sealed class SmallSyntheticSet : IDisposable
{
    public static readonly SyntheticVideoSettings Settings = new() { TrainSnippets = 2, ValSnippets = 1, NoiseLevel = 0, LightingAmplitude = 0, Seed = 11 }; // default 256×128

    public SmallSyntheticSet() => SyntheticDatasetWriter.Write(Root, Settings);

    public string Root { get; } = Directory.CreateTempSubdirectory("weclick-contract-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Flow;
using WeClick.Torch.Vision;

namespace WeClick.Core.Tests.Flow;

/// <summary>A tiny synthetic set (Cityscapes layout) written once for <see cref="FlowCacheTests"/>.</summary>
public sealed class TinySyntheticSet : IDisposable
{
    public TinySyntheticSet() => SyntheticDatasetWriter.Write(Root, new SyntheticVideoSettings { Width = 128, Height = 64, TrainSnippets = 2, ValSnippets = 1, Seed = 2 });

    public string Root { get; } = Directory.CreateTempSubdirectory("weclick-flowcache-data-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class FlowCacheTests(TinySyntheticSet set) : IClassFixture<TinySyntheticSet>, IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("weclick-flowcache-").FullName;
    private readonly List<string> _warnings = [];

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private FlowCache Cache(IFlowEstimator? estimator = null) => new(_cache, estimator ?? new DisFlowEstimator(), _warnings.Add);

    private CityscapesDataset Dataset(FlowCache cache) =>
        new(set.Root, "train", new ClipDatasetOptions(3, FrameDirection.Forward) { FlowSource = cache.Get });

    // Every neighbour flow of one pass over the dataset, detached from any scope.
    private static List<Tensor> Pass(CityscapesDataset dataset)
    {
        var flows = new List<Tensor>();
        for (var i = 0; i < dataset.Count; i++)
        {
            using var clip = dataset.GetClip(i, seed: 0);
            flows.AddRange(clip.Neighbours.Select(n => n.Flow!.clone().DetachFromDisposeScope()));
        }
        return flows;
    }

    [Fact]
    public void SecondEpoch_ComputesNoFlow_AndGivesIdenticalFlows()
    {
        var cache = Cache();
        var first = Pass(Dataset(cache));
        Assert.Equal((4, 0), (cache.Computed, cache.Loaded)); // 2 clips × 2 neighbours
        var second = Pass(Dataset(cache));
        Assert.Equal((4, 4), (cache.Computed, cache.Loaded));
        for (var i = 0; i < first.Count; i++)
        {
            TensorAssert.Equal(first[i], second[i]);
        }
        Assert.Empty(_warnings);
    }

    [Fact]
    public void CachedFlow_IsTheEstimatorsFlowToFloat16Precision()
    {
        var cache = Cache();
        var dataset = Dataset(cache);
        using var clip = dataset.GetClip(0, seed: 0);
        using var scope = NewDisposeScope();
        var neighbour = clip.Neighbours[0];
        var direct = new DisFlowEstimator().Estimate(clip.Image, neighbour.Image);
        TensorAssert.Close(direct, neighbour.Flow!, rtol: 1e-3, atol: 1e-3);
    }

    [Fact]
    public void AnotherEstimatorSetting_ReusesNothing()
    {
        Pass(Dataset(Cache()));
        var fast = Cache(new DisFlowEstimator(DisPreset.Fast));
        Pass(Dataset(fast));
        Assert.Equal((4, 0), (fast.Computed, fast.Loaded));
        Assert.Equal(2, Directory.GetDirectories(_cache).Length); // one folder per estimator key
    }

    [Fact]
    public void CorruptEntry_IsReportedAndRecomputed()
    {
        var cache = Cache();
        var dataset = Dataset(cache);
        var first = Pass(dataset);
        var victim = Directory.GetFiles(_cache, "*.safetensors", SearchOption.AllDirectories).Order().First();
        File.WriteAllBytes(victim, File.ReadAllBytes(victim)[..40]);
        var again = Pass(dataset);
        Assert.Equal((5, 3), (cache.Computed, cache.Loaded));
        var warning = Assert.Single(_warnings);
        Assert.Contains(victim, warning);
        Assert.Contains("corrupt", warning);
        for (var i = 0; i < first.Count; i++)
        {
            TensorAssert.Equal(first[i], again[i]);
        }
    }

    [Fact]
    public void EntryWrittenForOtherSettings_IsReportedAndRecomputed()
    {
        var cache = Cache();
        var dataset = Dataset(cache);
        Pass(dataset);
        var victim = Directory.GetFiles(_cache, "*.safetensors", SearchOption.AllDirectories).Order().First();
        using (var scope = NewDisposeScope())
        {
            save_safetensors(new Dictionary<string, Tensor> { ["flow"] = zeros([2, 64, 128], ScalarType.Float16) }, victim,
                new Dictionary<string, string> { ["estimator"] = "something-else" });
        }
        Pass(dataset);
        Assert.Equal(5, cache.Computed);
        Assert.Contains("other settings", Assert.Single(_warnings));
    }

    [Fact]
    public void AugmentedClips_CarryTheCachedFlows()
    {
        var cache = Cache();
        using var loader = new ClipLoader(Dataset(cache), new ClipLoaderOptions(Seed: 1) { Augmentation = new AugmentationSettings(CropHeight: 48, CropWidth: 96) });
        using var clip = loader.LoadClip(0, 0);
        Assert.All(clip.Neighbours, n => Assert.Equal(new long[] { 2, 48, 96 }, n.Flow!.shape));
    }
}

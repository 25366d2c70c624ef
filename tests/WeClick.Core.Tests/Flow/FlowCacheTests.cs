using WeClick.Core.Tests.Data;
using WeClick.Data;
using WeClick.Data.Synthetic;
using WeClick.Flow;
using WeClick.Serialization;
using WeClick.Vision;

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
            Safetensors.Save(new Dictionary<string, Tensor> { ["flow"] = zeros([2, 64, 128], ScalarType.Float16) }, victim,
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

    [Fact]
    public void OcclusionCheck_CachesTheReverseFlowToo_AndMasksWhatFailsTheCheck()
    {
        var check = new ForwardBackwardCheck();
        var cache = new FlowCache(_cache, new DisFlowEstimator(), _warnings.Add, check);
        var dataset = Dataset(cache);
        using (var clip = dataset.GetClip(0, seed: 0))
        {
            Assert.Equal((4, 0), (cache.Computed, cache.Loaded)); // 2 neighbours × (flow + reverse)
            using var scope = NewDisposeScope();
            var neighbour = clip.Neighbours[0];
            var reverse = new DisFlowEstimator().Estimate(neighbour.Image, clip.Image).to(ScalarType.Float16).to(ScalarType.Float32);
            TensorAssert.Equal(check.Valid(neighbour.Flow!, reverse), neighbour.FlowValid!);
            var rejected = neighbour.FlowValid!.eq(0).sum().item<long>();
            Assert.InRange(rejected, 1, neighbour.FlowValid!.numel() - 1);
        }
        Assert.Equal(4, Directory.GetFiles(_cache, "*__reverse.safetensors", SearchOption.AllDirectories).Length + 2);
        using (var again = dataset.GetClip(0, seed: 0))
        {
            Assert.Equal((4, 4), (cache.Computed, cache.Loaded));
        }
        // Without the check the same cache serves the flows alone.
        var plain = Cache();
        using var noMask = Dataset(plain).GetClip(0, seed: 0);
        Assert.Null(noMask.Neighbours[0].FlowValid);
        Assert.Equal((0, 2), (plain.Computed, plain.Loaded));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Provider_BuildsEachMethod_AndGroundTruthNeedsADatasetThatShipsIt()
    {
        using (var dis = FlowProvider.Create(new FlowSettings(OcclusionCheck: new ForwardBackwardCheck()), _cache))
        {
            Assert.Equal("opencv-dis-medium+fb0.01-0.5", dis.Key);
            using var clip = Dataset(dis.Cache!).GetClip(1, seed: 0);
            Assert.NotNull(clip.Neighbours[0].FlowValid);
        }
        using var truth = FlowProvider.Create(new FlowSettings(FlowMethod.GroundTruth), _cache);
        Assert.Null(truth.Cache);
        var dataset = new CityscapesDataset(set.Root, "train", new ClipDatasetOptions(3, FrameDirection.Forward) { FlowSource = truth.Get });
        using (var clip = dataset.GetClip(0, seed: 0))
        {
            using var scope = NewDisposeScope();
            var neighbour = clip.Neighbours[1];
            var path = Path.Combine(set.Root, "gtFlow", "train", "synthetic", $"{clip.Name}_gtFlow_{neighbour.Index:D6}.flo");
            TensorAssert.Equal(FloFile.Read(path), neighbour.Flow!);
            var mask = Image.ReadLabel(Path.Combine(set.Root, "gtFlow", "train", "synthetic", $"{clip.Name}_gtFlowValid_{neighbour.Index:D6}.png"));
            TensorAssert.Equal(mask.ne(0).to(ScalarType.Byte), neighbour.FlowValid!);
        }
        // A dataset without ground-truth flow (the same frames, descriptor says none) gets an error that says what to do.
        using var copy = new TempFolder();
        var descriptor = Path.Combine(set.Root, DatasetDescriptor.FileName);
        var text = File.ReadAllText(descriptor).Replace("\"groundTruthFlow\": true", "\"groundTruthFlow\": false");
        Assert.Contains("\"groundTruthFlow\": false", text);
        foreach (var dir in Directory.GetDirectories(set.Root))
        {
            CopyTree(dir, Path.Combine(copy.Path, Path.GetFileName(dir)));
        }
        File.WriteAllText(Path.Combine(copy.Path, DatasetDescriptor.FileName), text);
        var without = new CityscapesDataset(copy.Path, "train", new ClipDatasetOptions(3, FrameDirection.Forward) { FlowSource = truth.Get });
        var e = Assert.Throws<InvalidOperationException>(() => without.GetClip(0, seed: 0));
        Assert.Contains("ships no ground-truth flow", e.Message);
        Assert.Contains("dis", e.Message);
        // RAFT without its file is named before anything runs.
        Assert.Contains("export_raft.py", Assert.Throws<ArgumentException>(() => FlowProvider.Create(new FlowSettings(FlowMethod.Raft), _cache)).Message);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}

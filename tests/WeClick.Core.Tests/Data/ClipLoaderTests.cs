using WeClick.Data;

namespace WeClick.Core.Tests.Data;

public class ClipLoaderTests
{
    // An in-memory dataset: clip i's pixels come from its own Random (so the clip depends on the seed it is given),
    // reading takes a random few milliseconds (to shuffle worker timing), and one index can be made to fail.
    private sealed class FakeDataset(int count, int failAt = -1) : IClipDataset
    {
        private int calls;

        public string Name => "fake";

        public int Count => count;

        public ClassSet Classes => ClassSet.CamVid;

        public string ItemName(int index) => $"clip{index}";

        public Clip GetClip(int index, Random random)
        {
            Thread.Sleep((Interlocked.Increment(ref calls) * 7919 + index * 104729) % 6);
            if (index == failAt)
            {
                throw new InvalidDataException($"'/data/val/broken_{index}.png': label id 40 is not a class of camvid");
            }
            var neighbours = NeighbourSampler.NeighbourIndices(100 + index, 3, FrameDirection.BiDirection, RandomRange.Paper, random);
            var image = new byte[12 * 16 * 3];
            random.NextBytes(image);
            var label = Enumerable.Range(0, 12 * 16).Select(_ => (byte)random.Next(11)).ToArray();
            var frames = neighbours.Select(n =>
            {
                var pixels = new byte[12 * 16 * 3];
                random.NextBytes(pixels);
                return new ClipFrame(n, tensor(pixels, [12, 16, 3]));
            }).ToList();
            return new Clip($"clip{index}", 100 + index, tensor(image, [12, 16, 3]), tensor(label, [12, 16]), ones([12, 16], ScalarType.Byte), frames)
            {
                Clicks = [new PointLabel(random.Next(16), random.Next(12), 3)],
            };
        }
    }

    private static List<(string[] Names, float[] Images, long[] Labels, float[] Neighbours, long[] Clicks)> Run(ClipLoader loader, int epoch)
    {
        var result = new List<(string[], float[], long[], float[], long[])>();
        foreach (var batch in loader.Epoch(epoch))
        {
            using (batch)
            {
                result.Add(([.. batch.Names], batch.Images.data<float>().ToArray(), batch.Labels.data<long>().ToArray(), batch.Neighbours!.data<float>().ToArray(), batch.ClickMaps.data<long>().ToArray()));
            }
        }
        return result;
    }

    [Fact]
    public void Prefetch_GivesTheSameBatchesInTheSameOrder()
    {
        var dataset = new FakeDataset(23);
        var settings = new ClipLoaderOptions(BatchSize: 4, Seed: 11, Shuffle: true) { Augmentation = new AugmentationSettings(CropHeight: 10, CropWidth: 10) };
        using var serial = new ClipLoader(dataset, settings);
        using var parallel = new ClipLoader(dataset, settings with { Workers = 3, Prefetch = 2 });
        var a = Run(serial, 2);
        var b = Run(parallel, 2);
        Assert.Equal(6, a.Count);
        Assert.Equal(3, a[^1].Names.Length);
        Assert.Equal(a.Select(x => x.Names), b.Select(x => x.Names));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Images, b[i].Images);
            Assert.Equal(a[i].Labels, b[i].Labels);
            Assert.Equal(a[i].Neighbours, b[i].Neighbours);
            Assert.Equal(a[i].Clicks, b[i].Clicks);
        }
        // Shuffled, every clip once; another epoch gives another order and other draws.
        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"clip{i}").Order(), a.SelectMany(x => x.Names).Order());
        Assert.NotEqual(Enumerable.Range(0, 23).Select(i => $"clip{i}"), a.SelectMany(x => x.Names));
        Assert.NotEqual(serial.Order(2), serial.Order(3));
    }

    [Fact]
    public void Batch_HasDocumentedShapesAndTypes()
    {
        using var loader = new ClipLoader(new FakeDataset(3), new ClipLoaderOptions(BatchSize: 2, DropLast: true));
        var batches = loader.Epoch(0).ToList();
        var batch = Assert.Single(batches);
        using (batch)
        {
            Assert.Equal(new long[] { 2, 3, 12, 16 }, batch.Images.shape);
            Assert.Equal(ScalarType.Float32, batch.Images.dtype);
            Assert.Equal(new long[] { 2, 12, 16 }, batch.Labels.shape);
            Assert.Equal(ScalarType.Int64, batch.Labels.dtype);
            Assert.Equal(new long[] { 2, 2, 3, 12, 16 }, batch.Neighbours!.shape);
            Assert.Null(batch.Flows);
            Assert.Equal(1.0f, batch.Valid.mean().ToSingle());
            Assert.Equal(2, batch.ClickMaps.ne(255).sum().ToInt64());
            Assert.Equal(new[] { 100, 101 }, batch.TargetIndices);
        }
    }

    [Fact]
    public void ToTensor_NormalisesPerChannel()
    {
        using var image = tensor(new byte[] { 0, 128, 255, 255, 0, 51 }, [1, 2, 3]);
        using var t = Clip.ToTensor(image, ImageNormalization.ImageNet);
        Assert.Equal(new long[] { 3, 1, 2 }, t.shape);
        TensorAssert.Values([(0 - 0.485) / 0.229, (1 - 0.485) / 0.229, (128 / 255.0 - 0.456) / 0.224, (0 - 0.456) / 0.224,
            (1 - 0.406) / 0.225, (0.2 - 0.406) / 0.225], t, 1e-5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task FailingClip_RaisesInTheConsumerWithTheFileName(int workers)
    {
        var run = Task.Run(() =>
        {
            using var loader = new ClipLoader(new FakeDataset(12, failAt: 5), new ClipLoaderOptions(BatchSize: 1, Workers: workers, Prefetch: 2));
            var received = new List<string>();
            var e = Assert.Throws<InvalidDataException>(() =>
            {
                foreach (var batch in loader.Epoch(0))
                {
                    using (batch)
                    {
                        received.Add(batch.Names[0]);
                    }
                }
            });
            return (received, e);
        });
        var (received, error) = await run.WaitAsync(TimeSpan.FromSeconds(30)); // TimeoutException if the loader hung
        Assert.Equal(["clip0", "clip1", "clip2", "clip3", "clip4"], received);
        Assert.Contains("'/data/val/broken_5.png'", error.Message);
    }

    [Fact]
    public async Task LeavingEarlyOrDisposing_StopsTheWorkers()
    {
        var run = Task.Run(() =>
        {
            var loader = new ClipLoader(new FakeDataset(50), new ClipLoaderOptions(BatchSize: 2, Workers: 2, Prefetch: 3));
            foreach (var batch in loader.Epoch(0))
            {
                batch.Dispose();
                break; // the enumerator's Dispose stops and joins the workers
            }
            using var enumerator = loader.Epoch(1).GetEnumerator();
            Assert.True(enumerator.MoveNext());
            enumerator.Current.Dispose();
            loader.Dispose();
            Assert.Throws<ObjectDisposedException>(() => loader.Epoch(2).GetEnumerator().MoveNext());
        });
        await run.WaitAsync(TimeSpan.FromSeconds(30)); // TimeoutException if the loader hung
    }

    [Fact]
    public void ClipSeed_DependsOnSeedEpochAndIndex()
    {
        var seeds = new HashSet<int>();
        for (var s = 0; s < 3; s++)
        {
            for (var e = 0; e < 3; e++)
            {
                for (var i = 0; i < 30; i++)
                {
                    seeds.Add(ClipLoader.ClipSeed(s, e, i));
                }
            }
        }
        Assert.Equal(270, seeds.Count);
        Assert.Equal(ClipLoader.ClipSeed(1, 2, 3), ClipLoader.ClipSeed(1, 2, 3));
    }
}

using System.Diagnostics;
using WeClick.Data;
using TorchSharp;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="DataLoadingBenchmark"/>.</summary>
/// <param name="Snippets">Labelled frames (clips) in the fixture.</param>
/// <param name="Height">Frame height.</param>
/// <param name="Width">Frame width.</param>
/// <param name="FramesPerClip">Frames per clip (target + neighbours).</param>
/// <param name="Epochs">Passes over the fixture per measurement.</param>
/// <param name="Workers">Background workers for the prefetch measurement.</param>
/// <param name="Prefetch">Batches the workers may run ahead.</param>
public sealed record DataLoadingBenchmarkOptions(int Snippets = 16, int Height = 512, int Width = 1024, int FramesPerClip = 3,
    int Epochs = 4, int Workers = 2, int Prefetch = 4);

/// <summary>Clip-loading throughput, single-threaded and with background prefetch.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="PngBytesPerClip">Mean size on disk of one clip's PNG files (frames and label).</param>
/// <param name="SingleClipsPerSecond">Clips per second, loading on the consumer's thread.</param>
/// <param name="PrefetchClipsPerSecond">Clips per second with <see cref="DataLoadingBenchmarkOptions.Workers"/> background workers.</param>
public sealed record DataLoadingBenchmarkResult(DataLoadingBenchmarkOptions Options, long PngBytesPerClip, double SingleClipsPerSecond, double PrefetchClipsPerSecond);

/// <summary>
/// How fast clips of <c>n</c> frames load from PNG in the Cityscapes layout (issue #3): decode, label mapping,
/// normalisation and batching, once on the consumer's thread and once with background workers. The
/// fixture is written to a temporary folder: frames are smooth random textures (blurred noise at two
/// scales, so that PNG compresses them about as much as photographs), labels random blocks of
/// Cityscapes label ids.
/// </summary>
public static class DataLoadingBenchmark
{
    /// <summary>Writes the fixture, measures both ways, deletes the fixture.</summary>
    public static DataLoadingBenchmarkResult Run(DataLoadingBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Snippets < 1 || options.Height < 8 || options.Width < 8 || options.FramesPerClip < 1 || options.FramesPerClip > 20
            || options.Epochs < 1 || options.Workers < 1 || options.Prefetch < 1)
        {
            throw new ArgumentException($"Invalid data benchmark settings: {options}.", nameof(options));
        }
        var root = Directory.CreateTempSubdirectory("weclick-bench-data-").FullName;
        try
        {
            var bytes = WriteFixture(root, options);
            progress?.Invoke($"fixture: {options.Snippets} clips of {options.FramesPerClip} frames at {options.Width}x{options.Height}, {bytes / options.Snippets / 1024} KiB of PNG per clip");
            var dataset = new CityscapesDataset(root, "train", new ClipDatasetOptions(options.FramesPerClip, FrameDirection.Forward));
            var single = Measure(dataset, new ClipLoaderOptions(BatchSize: 1, Workers: 0), options.Epochs);
            progress?.Invoke($"single: {single:F1} clips/s");
            var prefetch = Measure(dataset, new ClipLoaderOptions(BatchSize: 1, Workers: options.Workers, Prefetch: options.Prefetch), options.Epochs);
            progress?.Invoke($"prefetch ({options.Workers} workers): {prefetch:F1} clips/s");
            return new DataLoadingBenchmarkResult(options, bytes / options.Snippets, single, prefetch);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double Measure(IClipDataset dataset, ClipLoaderOptions loaderOptions, int epochs)
    {
        using var loader = new ClipLoader(dataset, loaderOptions);
        foreach (var warm in loader.Epoch(-1).Take(1))
        {
            warm.Dispose();
        }
        var clips = 0;
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader.Epoch(epoch))
            {
                clips += batch.Names.Count;
                batch.Dispose();
            }
        }
        return clips / clock.Elapsed.TotalSeconds;
    }

    // Cityscapes layout: snippet s has its labelled frame at F = 19 and neighbours F-1, F-2, ...
    private static long WriteFixture(string root, DataLoadingBenchmarkOptions options)
    {
        const int labelled = 19;
        manual_seed(0);
        long bytes = 0;
        var frames = Path.Combine(root, "leftImg8bit_sequence", "train", "bench");
        var labels = Path.Combine(root, "gtFine", "train", "bench");
        Directory.CreateDirectory(frames);
        Directory.CreateDirectory(labels);
        for (var s = 0; s < options.Snippets; s++)
        {
            using var scope = NewDisposeScope();
            for (var f = labelled - options.FramesPerClip + 1; f <= labelled; f++)
            {
                var path = Path.Combine(frames, $"bench_{s:D6}_{f:D6}_leftImg8bit.png");
                Image.Write(path, Texture(options.Height, options.Width));
                bytes += new FileInfo(path).Length;
            }
            // Random 16×16 blocks of road (7), sidewalk (8), building (11), vegetation (21), sky (23), car (26).
            var ids = tensor(new byte[] { 7, 8, 11, 21, 23, 26 });
            var blocks = ids.index_select(0, randint(0, 6, [options.Height / 16 * (options.Width / 16)])).reshape(options.Height / 16, options.Width / 16);
            var label = Image.Resize(blocks.contiguous(), options.Height, options.Width, Interpolation.Nearest);
            var labelPath = Path.Combine(labels, $"bench_{s:D6}_{labelled:D6}_gtFine_labelIds.png");
            Image.Write(labelPath, label);
            bytes += new FileInfo(labelPath).Length;
        }
        return bytes;
    }

    private static Tensor Texture(int height, int width)
    {
        var coarse = Image.Resize(randint(0, 256, [height / 32, width / 32, 3], dtype: ScalarType.Byte), height, width, Interpolation.Bilinear);
        var fine = Image.GaussianBlur(randint(0, 256, [height, width, 3], dtype: ScalarType.Byte), 5, 1.5);
        return (coarse.@float() * 0.75 + fine.@float() * 0.25).to(ScalarType.Byte);
    }
}

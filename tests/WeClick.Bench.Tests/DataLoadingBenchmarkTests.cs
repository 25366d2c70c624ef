using WeClick.Benchmarks;

namespace WeClick.Bench.Tests;

public class DataLoadingBenchmarkTests
{
    [Fact]
    public void Run_MeasuresBothWays_OnATinyFixture_AndCleansUp()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "weclick-bench-data-*").Length;
        var lines = new List<string>();
        var result = DataLoadingBenchmark.Run(new DataLoadingBenchmarkOptions(Snippets: 3, Height: 32, Width: 64, Epochs: 1), lines.Add);
        Assert.True(result.SingleClipsPerSecond > 0);
        Assert.True(result.PrefetchClipsPerSecond > 0);
        Assert.True(result.PngBytesPerClip > 3 * 100, "three textured frames and a label are more than a few hundred bytes of PNG");
        Assert.Equal(3, lines.Count);
        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "weclick-bench-data-*").Length);
    }

    [Fact]
    public void Run_RejectsNonsenseSettings()
    {
        var e = Assert.Throws<ArgumentException>(() => DataLoadingBenchmark.Run(new DataLoadingBenchmarkOptions(Snippets: 0)));
        Assert.Contains("Snippets = 0", e.Message);
    }
}

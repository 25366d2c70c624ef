using WeClick.Benchmarks;

namespace WeClick.Bench.Tests;

public class ModelTrainingBenchmarkTests
{
    [Fact]
    public void Run_TimesATrainingStepOnBothSides_ForTheSameModel()
    {
        var lines = new List<string>();
        var options = new ModelTrainingOptions("deeplabv3plus-mobilenetv2", Batch: 2, Height: 64, Width: 64, Rounds: 2, Repetitions: 1, Threads: 1);
        var row = ModelTrainingBenchmark.Run(options, lines.Add);

        Assert.Equal(ModelTrainingBenchmark.Workload(options), row.Workload);
        Assert.Contains("deeplabv3plus-mobilenetv2, 2x3x64x64", row.Workload);
        Assert.True(row.CSharpSeconds > 0 && row.PyTorchSeconds > 0, row.ToString());
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Run_RejectsAnUnknownModelAndABatchOfOne()
    {
        Assert.Contains("Known: ", Assert.Throws<ArgumentException>(() => ModelTrainingBenchmark.Run(new ModelTrainingOptions("resnet9000"))).Message);
        Assert.Contains("batch at least 2", Assert.Throws<ArgumentException>(() => ModelTrainingBenchmark.Run(new ModelTrainingOptions(Batch: 1))).Message);
    }
}

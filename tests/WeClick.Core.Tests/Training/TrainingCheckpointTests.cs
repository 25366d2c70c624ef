using WeClick.Core.Tests.Engine;
using WeClick.Engine;
using WeClick.Serialization;
using WeClick.Training;

namespace WeClick.Core.Tests.Training;

/// <summary>
/// <see cref="TrainingCheckpoint"/>: weights, SGD momentum and run state in one file; a run killed after its checkpoint
/// and resumed in fresh objects takes the same steps as an uninterrupted one.
/// </summary>
public sealed class TrainingCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-trainckpt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CheckpointState State(int epochs, long steps) =>
        new(TrainingRole.Teacher, "test-net", 7, epochs, steps, 0.5, 1, "{\"name\":\"test\"}", []);

    private static optim.Optimizer Sgd(Net net, double lr = 0.05) => optim.SGD(net.parameters(), lr, momentum: 0.9, weight_decay: 1e-4);

    /// <summary>Steps with data derived from (seed, step), as TrainingLoop reseeds before each step.</summary>
    private static void Train(Net net, optim.Optimizer optimizer, long from, long to)
    {
        net.train();
        for (var s = from; s < to; s++)
        {
            using var scope = NewDisposeScope();
            manual_seed(1000 + s);
            var x = randn(2, 3, 8, 8);
            var target = randint(0, 5, [2]);
            optimizer.zero_grad();
            nn.functional.cross_entropy(net.call(x), target, reduction: nn.Reduction.Mean).backward();
            optimizer.step();
        }
    }

    [Fact]
    public void SaveThenLoad_ResumesExactlyLikeAnUninterruptedRun()
    {
        manual_seed(1);
        using var straight = new Net();
        using var straightSgd = Sgd(straight);
        Train(straight, straightSgd, 0, 8);

        manual_seed(1);
        using (var killed = new Net())
        using (var killedSgd = Sgd(killed))
        {
            Train(killed, killedSgd, 0, 4);
            TrainingCheckpoint.Save(_folder, killed, killedSgd, State(2, 4));
        } // the process "dies" here

        manual_seed(42);
        using var resumed = new Net();
        using var resumedSgd = Sgd(resumed, lr: 1.0);
        var state = TrainingCheckpoint.Load(_folder, resumed, resumedSgd);
        Assert.Equal(4, state.Step);
        Assert.Equal(2, state.EpochsDone);
        Assert.Equal("SGD", Assert.Single(state.OptimizerGroups).Optimizer);
        Assert.Equal(0.9, state.OptimizerGroups[0].Options["momentum"]);
        Train(resumed, resumedSgd, 4, 8);
        Assert.False(straight.Fc.weight!.isnan().any().item<bool>(), "training diverged (is the oneDNN workaround in effect?)");

        var expected = straight.OrderedStateDict();
        foreach (var (name, value) in resumed.OrderedStateDict())
        {
            TensorAssert.Equal(expected[name], value);
        }
    }

    [Fact]
    public void Save_WritesOneFileWithWeightsMomentumAndStateAndAReadableTwin()
    {
        using var net = new Net();
        using var sgd = Sgd(net);
        Train(net, sgd, 0, 1);
        TrainingCheckpoint.Save(_folder, net, sgd, State(1, 1));
        var header = Safetensors.ReadHeader(TrainingCheckpoint.LastPath(_folder));
        Assert.Contains("model.fc.weight", header.Names);
        Assert.Contains("model.block.bn.num_batches_tracked", header.Names);
        Assert.Contains("optimizer.state.0.momentum_buffer", header.Names);
        Assert.Equal(net.parameters().Count(), header.Names.Count(n => n.StartsWith("optimizer.", StringComparison.Ordinal)));
        var json = File.ReadAllText(Path.Combine(_folder, "last.json"));
        Assert.Equal(header.Metadata[TrainingCheckpoint.StateKey] + "\n", json);
        Assert.Contains("\"momentum\": 0.9", json);
        var read = TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(_folder));
        Assert.Equal(State(1, 1) with { OptimizerGroups = read.OptimizerGroups }, read);
        Assert.Equal([], Directory.GetFiles(_folder).Select(Path.GetFileName).Where(n => n!.EndsWith(".tmp", StringComparison.Ordinal)));
    }

    [Fact]
    public void SaveBest_WritesWeightsThatLoadWeightsReads()
    {
        manual_seed(2);
        using var net = new Net();
        TrainingCheckpoint.SaveBest(_folder, net, State(3, 30));
        Assert.Equal(3, TrainingCheckpoint.ReadState(TrainingCheckpoint.BestPath(_folder)).EpochsDone);
        manual_seed(3);
        using var other = new Net();
        other.LoadWeights(TrainingCheckpoint.BestPath(_folder));
        TensorAssert.Equal(net.Fc.weight!, other.Fc.weight!);
        Assert.DoesNotContain(Safetensors.ReadHeader(TrainingCheckpoint.BestPath(_folder)).Names, n => n.StartsWith("optimizer.", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ThrowsNamingTheFileForAnotherModelOrAPlainWeightsFile()
    {
        using (var block = new Block())
        using (var sgd = optim.SGD(block.parameters(), 0.1, momentum: 0.9))
        {
            TrainingCheckpoint.Save(_folder, block, sgd, State(1, 1));
        }
        using var net = new Net();
        using var netSgd = Sgd(net);
        var e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(_folder, net, netSgd));
        Assert.Contains(TrainingCheckpoint.LastPath(_folder), e.Message);
        Assert.Contains("does not fit model 'test-net'", e.Message);
        Assert.Contains("\"features.0.weight\"", e.Message);

        net.SaveWeights(TrainingCheckpoint.LastPath(_folder));
        var plain = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(_folder)));
        Assert.Contains("not a WeClick training checkpoint", plain.Message);
    }

    [Fact]
    public void Load_ThrowsForAnotherOptimizerKind()
    {
        using var net = new Net();
        using (var sgd = Sgd(net))
        {
            Train(net, sgd, 0, 1);
            TrainingCheckpoint.Save(_folder, net, sgd, State(1, 1));
        }
        using var adam = optim.Adam(net.parameters());
        var e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(_folder, net, adam));
        Assert.Contains("SGD's; this optimiser is Adam", e.Message);
    }

    [Fact]
    public void ReadState_ThrowsForATruncatedCheckpoint()
    {
        using var net = new Net();
        using var sgd = Sgd(net);
        TrainingCheckpoint.Save(_folder, net, sgd, State(1, 1));
        var path = TrainingCheckpoint.LastPath(_folder);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        Assert.Contains(path, Assert.Throws<SafetensorsFormatException>(() => TrainingCheckpoint.ReadState(path)).Message);
    }
}

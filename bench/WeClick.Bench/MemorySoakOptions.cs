namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="MemorySoakBenchmark"/>: how long to train and how often to look at the resident set.</summary>
/// <param name="Steps">Training steps in all (issue #12's soak: 2,000).</param>
/// <param name="Warmup">The step whose resident set is the baseline: by then the allocator's arenas, oneDNN's kernel caches and
/// the optimiser's momentum buffers exist, so growth after it is what a long run would keep accumulating.</param>
/// <param name="SampleEvery">Resident set and live tensors are read after every this many steps (and at the warm-up and the last step).</param>
/// <param name="Threads">libtorch threads; 0 = all cores (<see cref="Engine.TorchEngine.Configure"/>).</param>
/// <param name="Batch">Clips per step, at least 2 (BatchNorm in training mode).</param>
/// <param name="Height">Frame height (a multiple of 16; the quick preset's crop is 80).</param>
/// <param name="Width">Frame width (a multiple of 16; the quick preset's crop is 160).</param>
/// <param name="Frames">Frames per clip n (the target and n − 1 neighbours for MFD), at least 2.</param>
/// <param name="Seed">Seed of the weights, the synthetic clips and the clicks.</param>
/// <param name="MaxGrowthPercent">The bound the soak passes under (issue #12: 5 %).</param>
public sealed record MemorySoakOptions(
    int Steps = 2000,
    int Warmup = 100,
    int SampleEvery = 20,
    int Threads = 0,
    int Batch = 2,
    int Height = 80,
    int Width = 160,
    int Frames = 3,
    int Seed = 0,
    double MaxGrowthPercent = 5.0)
{
    /// <summary>Clicks per image (a stand-in for the click generator's density, as <see cref="LossBenchmarkOptions.ClicksPerImage"/>).</summary>
    public const int ClicksPerImage = 20;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it and its value).</exception>
    public MemorySoakOptions Validate()
    {
        if (Warmup < 1 || Steps <= Warmup)
        {
            throw new ArgumentException($"Memory soak: the warm-up must be at least 1 step and fewer than the steps; got warm-up {Warmup}, steps {Steps}.");
        }
        if (SampleEvery < 1 || Threads < 0)
        {
            throw new ArgumentException($"Memory soak: sample-every must be positive and threads at least 0 (0 = all cores); got {SampleEvery} and {Threads}.");
        }
        if (Batch < 2 || Frames < 2)
        {
            throw new ArgumentException($"Memory soak: batch (BatchNorm in training mode) and frames (MFD needs a neighbour) must be at least 2; got batch {Batch}, frames {Frames}.");
        }
        if (Height < 32 || Width < 32 || Height % 16 != 0 || Width % 16 != 0)
        {
            throw new ArgumentException($"Memory soak: height and width must be multiples of 16, at least 32; got {Height}x{Width}.");
        }
        if (!(MaxGrowthPercent >= 0))
        {
            throw new ArgumentException($"Memory soak: the growth bound must be 0 % or more; got {MaxGrowthPercent}.");
        }
        return this;
    }
}

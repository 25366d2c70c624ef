namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="LossBenchmark"/>: one CPU-sized training configuration.</summary>
/// <param name="Student">Student catalogue name. Default <c>deeplabv3plus-mobilenetv2</c>, the smallest student in the catalogue.</param>
/// <param name="Teacher">Teacher catalogue name. Default <c>deeplabv3plus-resnet18</c>, not the paper's ResNet-101 teacher: a
/// CPU-sized stand-in so that a whole run stays within minutes on two cores.</param>
/// <param name="Batch">Clips per step (N), at least 2 (BatchNorm in training mode).</param>
/// <param name="Height">Frame height (a multiple of 16 for DeepLabV3+ at output stride 16).</param>
/// <param name="Width">Frame width.</param>
/// <param name="Classes">Classes; 11, the synthetic clip's CamVid-style classes (the frames and clicks come from it).</param>
/// <param name="Frames">Frames per clip n (the target and n − 1 neighbours), at least 2.</param>
/// <param name="Repetitions">Timed steps per side and configuration (after one untimed warm-up each); the sides alternate.</param>
/// <param name="Threads">libtorch threads on both sides; 0 = all cores (<see cref="Engine.TorchEngine.Configure"/>).</param>
/// <param name="Seed">Seed of the weights, the synthetic clips, the clicks and dropout.</param>
/// <param name="PyTorch">Also time the PyTorch twin (losses_bench.py) side by side.</param>
/// <param name="Rows">Which rows to measure, as indices into <see cref="LossBenchmark.RowNames"/> (default: all of them).</param>
public sealed record LossBenchmarkOptions(
    string Student = "deeplabv3plus-mobilenetv2",
    string Teacher = "deeplabv3plus-resnet18",
    int Batch = 2,
    int Height = 128,
    int Width = 256,
    int Classes = 11,
    int Frames = 3,
    int Repetitions = 5,
    int Threads = 0,
    int Seed = 0,
    bool PyTorch = true,
    IReadOnlyList<int>? Rows = null)
{
    /// <summary>Clicks per image in the random click maps.</summary>
    public const int ClicksPerImage = 20;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public LossBenchmarkOptions Validate()
    {
        if (!WeClick.Models.ModelCatalog.Names.Contains(Student) || !WeClick.Models.ModelCatalog.Names.Contains(Teacher))
        {
            throw new ArgumentException($"Unknown student '{Student}' or teacher '{Teacher}'. Known: {string.Join(", ", WeClick.Models.ModelCatalog.Names)}.");
        }
        if (Batch < 2)
        {
            throw new ArgumentException($"Loss benchmark: batch must be at least 2 (the student trains, and BatchNorm after ASPP's 1x1 pooling needs two samples); got {Batch}.");
        }
        if (Classes < 2 || Frames < 2 || Repetitions < 1 || Threads < 0)
        {
            throw new ArgumentException("Loss benchmark: repetitions must be positive, threads at least 0 (0 = all cores), classes and frames at least 2.");
        }
        if (Rows is not null && (Rows.Count == 0 || Rows.Any(r => r < 0 || r >= LossBenchmark.RowNames.Count)))
        {
            throw new ArgumentException($"Loss benchmark: rows must be indices 0..{LossBenchmark.RowNames.Count - 1} of {string.Join(", ", LossBenchmark.RowNames)}; got [{string.Join(", ", Rows)}].");
        }
        if (Height < 32 || Width < 32 || Height % 16 != 0 || Width % 16 != 0)
        {
            throw new ArgumentException($"Loss benchmark: height and width must be multiples of 16, at least 32; got {Height}x{Width}.");
        }
        return this;
    }
}

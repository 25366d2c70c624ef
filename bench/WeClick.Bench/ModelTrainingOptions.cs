namespace WeClick.Benchmarks;

/// <summary>Settings of <see cref="ModelTrainingBenchmark"/>.</summary>
/// <param name="Model">Catalogue name; default the paper's teacher family at CPU size, DeepLabV3+ with ResNet-18.</param>
/// <param name="Batch">Images per step, at least 2 (BatchNorm in training mode after ASPP's image pooling).</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="Rounds">Rounds per side; the sides alternate every round.</param>
/// <param name="Repetitions">Timed steps per round and side (after one untimed warm-up step).</param>
/// <param name="Threads">libtorch threads on both sides; 0 = all cores (<see cref="Engine.TorchEngine.Configure"/>).</param>
public sealed record ModelTrainingOptions(string Model = "deeplabv3plus-resnet18", int Batch = 2, int Height = 256, int Width = 512,
    int Rounds = 3, int Repetitions = 1, int Threads = 0);

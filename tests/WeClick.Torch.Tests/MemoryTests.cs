using System.Globalization;
using WeClick.Torch.Optim;
using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Tests;

/// <summary>Long runs keep resident memory flat when each step runs in a dispose scope (issue #2).</summary>
public class MemoryTests
{
    [Fact]
    public void TrainingLoop_WithDisposeScopes_KeepsResidentMemoryFlatOver1000Steps()
    {
        manual_seed(0);
        using var net = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 4, 1));
        using var optimizer = new SGD(net.parameters(), lr: 0.01, momentum: 0.9, weight_decay: 1e-4);
        using var input = randn(8, 3, 32, 32);
        using var target = randint(0, 4, [8, 32, 32]);
        // One leaked activation per step would be 8·16·32·32·4 B = 512 KiB, i.e. 500 MiB over the run:
        // far above the 5 % bound, so the bound really tests disposal.

        void Step()
        {
            using var scope = NewDisposeScope();
            var loss = F.cross_entropy(net.call(input), target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            _ = net.parameters().First().grad; // a fresh alias per step, freed by the scope
        }

        for (var i = 0; i < 100; i++)
        {
            Step(); // warm-up: allocator pools, oneDNN primitives and JIT settle
        }
        var before = ResidentBytes();
        for (var i = 0; i < 1000; i++)
        {
            Step();
        }
        var after = ResidentBytes();
        var growth = (after - before) / (double)before;
        Assert.True(growth < 0.05, string.Create(CultureInfo.InvariantCulture,
            $"RSS grew {growth:P1} over 1000 steps ({before / 1048576.0:F0} MiB → {after / 1048576.0:F0} MiB)."));
    }

    /// <summary>VmRSS of this process after a full GC (so managed garbage does not count).</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kib * 1024;
    }
}

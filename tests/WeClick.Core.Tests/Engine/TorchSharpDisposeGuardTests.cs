using System.Diagnostics;
using TorchSharp;
using WeClick.Engine;
using static TorchSharp.torch;

namespace WeClick.Core.Tests.Engine;

/// <summary>
/// TorchSharp's finalizer race (environment.md): temporaries of native calls freed by the finalizer mid-call. These
/// tests check the guard is in effect and run the race's own recipe — one thread computing with implicit Scalars and
/// temporaries while another collects every millisecond — checking every value. Without the guard
/// (<c>WECLICK_DISPOSE_GUARD=0</c>) the same loop failed 9 times in 22,157 iterations (30 s) on the development machine;
/// <c>WECLICK_RACE_SECONDS</c> lengthens the loop to measure that again.
/// </summary>
public sealed class TorchSharpDisposeGuardTests
{
    [Fact]
    public void TorchSharpsImports_ResolveThroughTheGuard()
    {
        using var warm = torch.ones(2).add(1.0); // binds the imports
        Assert.True(TorchSharpDisposeGuard.IsActive, TorchSharpDisposeGuard.Status);
        Assert.StartsWith("on (", TorchSharpDisposeGuard.Status);
        Assert.EndsWith("/runtimes/linux-x64/native/" + TorchSharpDisposeGuard.LibraryFileName, TorchSharpDisposeGuard.GuardPath);
        Assert.True(File.Exists(TorchSharpDisposeGuard.GuardPath));
        Assert.Equal(TorchSharpDisposeGuard.Status.Split(';')[0], TorchEngine.Describe().DisposeGuard.Split(';')[0]);
    }

    [Fact]
    public void ComputingWhileAnotherThreadCollects_GivesEveryValueRight_AndQuarantinesOnlyFinalizerDisposals()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("WECLICK_RACE_SECONDS"), out var s) ? s : 4.0;
        using var x = torch.rand(1024, 1024, dtype: float64, generator: new Generator(7));
        var expected = x.add(1.5).mul(2.0).sum().item<double>();
        var before = TorchSharpDisposeGuard.ReadCounters();

        var stop = false;
        var collector = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                GC.Collect(0);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        collector.Start();
        long iterations = 0;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            // At least `seconds` and at least 200 iterations (a busy machine is slower, not wrong), at most a minute.
            while ((clock.Elapsed.TotalSeconds < seconds || iterations < 200) && clock.Elapsed.TotalSeconds < 60)
            {
                try
                {
                    // The workbench's style: tensors in a dispose scope (freed at once, on this thread), and the Scalars
                    // of 1.5, 2.0 and alpha = 1 left to the finalizer, which is the race.
                    using var scope = torch.NewDisposeScope();
                    var value = x.add(1.5).mul(2.0).sum().item<double>();
                    if (value != expected)
                    {
                        failures.Add($"iteration {iterations}: {value} instead of {expected}");
                    }
                }
                catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or InvalidOperationException)
                {
                    failures.Add($"iteration {iterations}: {e.Message.Split('\n')[0]}");
                }
                iterations++;
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            collector.Join();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures in {iterations} iterations: {string.Join("; ", failures.Take(3))}");
        var after = TorchSharpDisposeGuard.ReadCounters();
        Assert.True(after.Deferred > before.Deferred, "no finalizer disposal went through the quarantine");
        Assert.True(after.Immediate > before.Immediate, "the scope's disposals did not happen at once");
    }

    [Fact]
    public void QuarantinedTensors_AreFreedOnceTheirTimeIsUp()
    {
        // Tensors wait 1 s. Leave some to the finalizer, wait past that, then let the finalizer dispose again: the
        // queue is drained by the finalizer's own next disposals.
        MakeGarbage(200);
        Collect();
        var queued = TorchSharpDisposeGuard.ReadCounters();
        Assert.True(queued.Pending > 0, "nothing waits in the quarantine after a collection of 200 unreferenced tensors");

        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        MakeGarbage(1);
        Collect();
        var drained = TorchSharpDisposeGuard.ReadCounters();
        Assert.True(drained.Released > queued.Released, $"released {queued.Released} → {drained.Released}");
    }

    [Fact]
    public void ExplicitDisposals_HappenAtOnce()
    {
        var before = TorchSharpDisposeGuard.ReadCounters();
        for (var i = 0; i < 10; i++)
        {
            using var t = torch.zeros(3);
        }
        var after = TorchSharpDisposeGuard.ReadCounters();
        Assert.True(after.Immediate >= before.Immediate + 10, $"immediate {before.Immediate} → {after.Immediate}");
    }

    private static void MakeGarbage(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = torch.zeros(4).add(1.0);
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}

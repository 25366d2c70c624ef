using WeClick.Torch.Interop;

namespace WeClick.Torch.Tests;

public class NativeLibraryLoaderTests
{
    [Fact]
    public void LoadFrom_ThrowsWithEveryPathTriedAndTheSetUpCommand()
    {
        var e = Assert.Throws<TorchException>(() => NativeLibraryLoader.LoadFrom(["/nonexistent/a/libweclick_native.so", "/nonexistent/b/libweclick_native.so"]));
        Assert.Contains("/nonexistent/a/libweclick_native.so: not found", e.Message);
        Assert.Contains("/nonexistent/b/libweclick_native.so: not found", e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
    }

    [Fact]
    public void LoadFrom_ExplainsAFileThatIsNotALibrary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"weclick-not-a-library-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "this is not an ELF file");
        try
        {
            var e = Assert.Throws<TorchException>(() => NativeLibraryLoader.LoadFrom([path]));
            Assert.Contains("found but could not be loaded", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CandidatePaths_StartNextToTheAssembly()
    {
        var paths = NativeLibraryLoader.CandidatePaths();
        var expected = Path.Combine(Path.GetDirectoryName(typeof(Tensor).Assembly.Location)!, "libweclick_native.so");
        Assert.Contains(expected, paths);
        Assert.True(File.Exists(expected), "the build copies the shim next to WeClick.Torch.dll");
    }

    [Fact]
    public void NativeErrors_AreThreadLocal()
    {
        // A failure on one thread must not surface as an error on another.
        Exception? seen = null;
        var other = new Thread(() => seen = Record.Exception(() => { using var s = NewDisposeScope(); _ = zeros(2) + zeros(3); }));
        other.Start();
        other.Join();
        Assert.IsType<TorchException>(seen);
        using var scope = NewDisposeScope();
        Assert.Equal(4.0, (ones(2) * 2).sum().item<double>());
    }
}

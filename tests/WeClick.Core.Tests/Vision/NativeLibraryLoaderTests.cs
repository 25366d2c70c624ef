using System.Runtime.InteropServices;
using WeClick.Vision;
using WeClick.Vision.Interop;

namespace WeClick.Core.Tests.Vision;

public class NativeLibraryLoaderTests
{
    [Fact]
    public void LoadFrom_ThrowsWithEveryPathTriedAndTheSetUpCommand()
    {
        var e = Assert.Throws<OpenCvException>(() => NativeLibraryLoader.LoadFrom(["/nonexistent/a/libweclick_native.so", "/nonexistent/b/libweclick_native.so"]));
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
            var e = Assert.Throws<OpenCvException>(() => NativeLibraryLoader.LoadFrom([path]));
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
        var expected = Path.Combine(Path.GetDirectoryName(typeof(Image).Assembly.Location)!, "libweclick_native.so");
        Assert.Contains(expected, paths);
        Assert.True(File.Exists(expected), "the build copies the shim next to WeClick.Core.dll");
    }

    [Fact]
    public void CandidatePaths_PutTheEnvironmentOverrideFirst()
    {
        var previous = Environment.GetEnvironmentVariable(NativeLibraryLoader.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(NativeLibraryLoader.EnvironmentVariable, "/somewhere/else/libweclick_native.so");
            Assert.Equal("/somewhere/else/libweclick_native.so", NativeLibraryLoader.CandidatePaths()[0]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NativeLibraryLoader.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void TheShim_IsOpenCvOnly_AndReportsItsVersion()
    {
        Assert.StartsWith("4.6", OpenCv.Version);
        var handle = NativeLibrary.Load(NativeLibraryLoader.CandidatePaths().First(File.Exists));
        Assert.True(NativeLibrary.TryGetExport(handle, "WcImage_read", out _));
        // The libtorch binding and the malloc policy left the shim (TorchSharp and TorchEngine own them now).
        Assert.False(NativeLibrary.TryGetExport(handle, "WcTensor_dispose", out _));
        Assert.False(NativeLibrary.TryGetExport(handle, "WcMemory_set_malloc_thresholds", out _));
    }

    [Fact]
    public void NativeErrors_AreThreadLocal()
    {
        // A failure on one thread must not surface as an error on another: call the shim directly so that
        // nothing clears the message, then look at the main thread's.
        using var scope = NewDisposeScope();
        var flat = zeros(new long[] { 4, 4 }, ScalarType.Byte);
        NativeMethods.WcError_clear();
        var otherStatus = NativeStatus.Ok;
        string? otherMessage = null;
        var other = new Thread(() =>
        {
            using var source = TensorImage.Input(flat);
            otherStatus = NativeMethods.WcImage_gaussian_blur(source.Image, 4, 1.0, source.Image);
            otherMessage = Marshal.PtrToStringUTF8(NativeMethods.WcError_last_message());
        });
        other.Start();
        other.Join();
        Assert.NotEqual(NativeStatus.Ok, otherStatus);
        Assert.Contains("kernel size must be odd", otherMessage);
        Assert.Equal(string.Empty, Marshal.PtrToStringUTF8(NativeMethods.WcError_last_message()));
        TensorAssert.Equal(flat, Image.GaussianBlur(flat, 3, 1.0));
    }
}

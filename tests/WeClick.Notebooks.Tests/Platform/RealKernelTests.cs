using System.Text.Json.Nodes;
using WeClick.Notebooks.Tests.Kernel;

namespace WeClick.Notebooks.Tests.Platform;

/// <summary>
/// The kernel as Jupyter starts it — a separate <c>weclick kernel start</c> process found through its installed kernelspec
/// — driven by jupyter_client's KernelManager with real C# cells (real_kernel_check.py).
/// </summary>
public sealed class RealKernelTests : IDisposable
{
    private readonly JupyterStack stack = new();
    private readonly string folder = KernelFixtures.TempFolder();

    public void Dispose()
    {
        stack.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void InstalledKernel_AnswersInfoIsCompleteAndCompletion_ShowsATorchSharpTensor_RejectsABadSignature_InterruptsALoop_RestartsFresh_AndShutsDownCleanly()
    {
        var result = stack.Python(Path.Combine("Platform", "real_kernel_check.py"), [folder], TimeSpan.FromMinutes(4));
        var last = result.Stdout.Trim().Split('\n')[^1];
        Assert.True(last.StartsWith('{'), $"real_kernel_check.py printed no result (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
        var observed = JsonNode.Parse(last)!;
        Assert.True(result.ExitCode == 0 && (bool)observed["ok"]!, $"{observed}\n{result.Stderr}");
        Assert.Equal(["ok", "skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only\n"], observed["fsharp_skipped"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["error", "Error", "(3,13): error CS0029: Cannot implicitly convert type 'string' to 'int'"],
            observed["csharp_error"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("tensor([[0, 1, 2],\n        [3, 4, 5]])", (string?)observed["tensor_text"]);
        Assert.Equal("conv 9\n", (string?)observed["tensor_stream"]);
        Assert.Equal(["input_request"], observed["input_prompts"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["True"], observed["input_result"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("did not allow stdin", (string)observed["input_refused"]!);
        Assert.False((bool)observed["bad_signature_answered"]!);
        Assert.False((bool)observed["bad_signature_ran"]!);
        Assert.InRange((double)observed["interrupt_seconds"]!, 0, 5);
        Assert.Equal("Length", (string?)observed["completion"]![0]);
        Assert.Equal(0, (int)observed["restart_old_exit_code"]!);
        // The new process does not know `greeting`: a compile error as .NET Interactive reports it.
        Assert.Equal("Error", (string?)observed["after_restart"]);
        Assert.Equal("(1,1): error CS0103: The name 'greeting' does not exist in the current context", (string?)observed["after_restart_evalue"]);
        Assert.Equal(0, (int)observed["exit_code"]!);
        Assert.Empty(observed["left_behind"]!.AsArray());
    }
}

using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Tests.Execution;

/// <summary>Tests that need their own executor: cell numbers, working directories, interrupts.</summary>
public sealed class CSharpCellExecutorIsolatedTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("weclick-engine-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RuntimeError_TracebackNamesCellAndLine_WithoutWrapperFrames()
    {
        using var executor = new CSharpCellExecutor();
        await ExecutorTesting.RunOk(executor, "int Divide(int a, int b)\n{\n    return a / b;\n}");
        var outcome = await ExecutorTesting.Run(executor, "var zero = 0;\nConsole.WriteLine(\"before\");\nvar q = Divide(1, zero);");

        var error = outcome.Error!;
        Assert.Equal("DivideByZeroException", error.Name);
        Assert.Equal("System.DivideByZeroException: " + error.Message, error.Traceback[0]);
        Assert.Equal(["  at Divide in cell [1], line 3", "  at <cell> in cell [2], line 3"], error.Traceback.Skip(1));
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Submission#"));
    }

    [Fact]
    public async Task Reference_AbsoluteAndRelativeDllPaths()
    {
        var library = Path.Combine(_directory, "lib", "Greeter.dll");
        CompileLibrary(library, "namespace Tiny; public static class Greeter { public static string Hello(string name) => \"hello \" + name; }");
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });

        var absolute = await ExecutorTesting.RunOk(executor, $"#r \"{library}\"\nTiny.Greeter.Hello(\"abs\")");
        Assert.Equal("hello abs", absolute.Result!.Text);

        using var relativeExecutor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });
        var relative = await ExecutorTesting.RunOk(relativeExecutor, "#r \"lib/Greeter.dll\"\nusing Tiny;\nGreeter.Hello(\"rel\")");
        Assert.Equal("hello rel", relative.Result!.Text);

        var missing = await ExecutorTesting.Run(relativeExecutor, "#r \"lib/Missing.dll\"");
        Assert.Equal("CompilationError", missing.Error!.Name);
        Assert.Contains("Missing.dll", missing.Error.Message);
    }

    [Fact]
    public async Task Interrupt_StopsATightLoopAndASleep_AndTheNextCellRuns()
    {
        using var executor = new CSharpCellExecutor();
        await ExecutorTesting.RunOk(executor, "var before = 1;");

        foreach (var blocking in new[] { "var spins = 0L;\nwhile (true) { spins++; }", "Thread.Sleep(60000);", "while (true) ;" })
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();
            var outcome = await executor.ExecuteAsync(blocking, new RecordingSink(), cancel.Token).WaitAsync(TimeSpan.FromSeconds(5));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
            Assert.Equal("OperationCanceledException", outcome.Error!.Name);
        }
        Assert.Equal("2", (await ExecutorTesting.RunOk(executor, "before + 1")).Result!.Text);
    }

    [Fact]
    public async Task ExecuteAsync_RejectsASecondCellWhileOneRuns()
    {
        using var executor = new CSharpCellExecutor();
        using var cancel = new CancellationTokenSource();
        var first = executor.ExecuteAsync("Thread.Sleep(30000);", new RecordingSink(), cancel.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => executor.ExecuteAsync("1", new RecordingSink(), CancellationToken.None));
        await cancel.CancelAsync();
        Assert.Equal("OperationCanceledException", (await first.WaitAsync(TimeSpan.FromSeconds(5))).Error!.Name);
    }

    private static void CompileLibrary(string path, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), [CSharpSyntaxTree.ParseText(source)],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}

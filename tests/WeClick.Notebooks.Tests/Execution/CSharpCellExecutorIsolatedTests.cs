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
    public async Task ConsoleIn_IsEachCellsOwn_WhenCellsOfTwoExecutorsReadAtOnce()
    {
        // Console.In is process-wide: a cell whose sink answers input reads its lines while, at the same time, a cell
        // of another executor (no input) reads empty. This raced when the kernel replaced Console.In itself.
        using var prompted = new CSharpCellExecutor();
        using var silent = new CSharpCellExecutor();
        var lines = Enumerable.Range(0, 200).Select(i => $"line {i}").ToArray();
        var inputSink = new LineInputSink(lines);
        const string readAll = "var got = new List<string>(); string? l; while ((l = Console.ReadLine()) is not null) got.Add(l); string.Join(\"|\", got)";
        const string readEmpty = "var empties = 0; for (var i = 0; i < 200; i++) { if (Console.ReadLine() is null && Console.Read() == -1) empties++; } empties";

        var withInput = ExecutorTesting.RunOk(prompted, readAll, inputSink);
        var withoutInput = ExecutorTesting.RunOk(silent, readEmpty);

        Assert.Equal(string.Join("|", lines), (await withInput).Result!.Text);
        Assert.Equal("200", (await withoutInput).Result!.Text);
    }

    [Fact]
    public async Task ConsoleIn_ReadServesTheSameLinesCharacterByCharacter()
    {
        using var executor = new CSharpCellExecutor();
        var outcome = await ExecutorTesting.RunOk(executor,
            "var first = (char)Console.Read(); var peeked = (char)Console.In.Peek(); var rest = Console.ReadLine(); var next = Console.ReadLine(); $\"{first}{peeked}|{rest}|{next}|{Console.Read()}\"",
            new LineInputSink(["hello", "world"]));

        Assert.Equal("he|ello|world|-1", outcome.Result!.Text);
    }

    /// <summary>A sink that answers the cell's Console.ReadLine from a list, then end of input.</summary>
    private sealed class LineInputSink(IReadOnlyList<string> lines) : RecordingSink, IConsoleInput
    {
        private int _next;

        public string? ReadLine() => _next < lines.Count ? lines[_next++] : null;
    }

    [Fact]
    public async Task Load_RunsAScriptRelativeToTheWorkingDirectory()
    {
        File.WriteAllText(Path.Combine(_directory, "helpers.csx"), "int Twice(int x) => 2 * x;");
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });

        Assert.Equal("42", (await ExecutorTesting.RunOk(executor, "#load \"helpers.csx\"\nTwice(21)")).Result!.Text);
        Assert.Equal("8", (await ExecutorTesting.RunOk(executor, "Twice(4)")).Result!.Text);
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
        Assert.Equal("Error", missing.Error!.Name);
        Assert.Matches(@"^\(1,1\): error CS0006: .*Missing\.dll", missing.Error.Message);
    }

    [Fact]
    public async Task Interrupt_StopsLoopsAndWaits_AndTheNextCellRuns()
    {
        using var executor = new CSharpCellExecutor();
        await ExecutorTesting.RunOk(executor, "var before = 1;");

        foreach (var (blocking, line) in new[]
        {
            ("var spins = 0L;\nwhile (true) { spins++; }", 3), ("while (true) ;", 2), ("again: goto again;", 2),
            ("Enumerable.Range(0, 10).Select(i => { while (i >= 0) { } return i; }).Sum()", 2),
            ("Thread.Sleep(60000);", 2), ("await Task.Delay(60000);", 0),
        })
        {
            var (outcome, elapsed) = await InterruptAfterStart(executor, blocking, TimeSpan.FromMilliseconds(300));

            // Before CSharpCellExecutor.AbandonAfter (3 s; margin for a loaded CI machine): the cell stopped, it was not
            // given up on (an abandoned cell's error has no frame in the cell either).
            Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"{blocking}: {elapsed}");
            Assert.Equal("OperationCanceledException", outcome.Error!.Name);
            if (line > 0)
            {
                Assert.Contains(outcome.Error.Traceback, frame => frame.EndsWith($"in cell [{outcome.ExecutionCount}], line {line}", StringComparison.Ordinal));
            }
        }
        Assert.Equal("2", (await ExecutorTesting.RunOk(executor, "before + 1")).Result!.Text);
    }

    [Fact]
    public async Task Interrupt_AbandonsACellThatSwallowsTheInterrupt_AndKeepsThePreviousState()
    {
        // Code that swallows ThreadInterruptedException and waits on (like a stuck native call) cannot be stopped. Its second
        // sleep outlasts the abandonment by 2 s: with 3 s it ended 0.2 s after the abandon time, and a loaded machine's late
        // timer once let it finish first (no error to assert on).
        using var executor = new CSharpCellExecutor();
        await ExecutorTesting.RunOk(executor, "var kept = 5;");
        var sink = new RecordingSink();

        var (outcome, elapsed) = await InterruptAfterStart(executor,
            "kept = 6;\nvar fresh = 1;\ntry { Thread.Sleep(5000); } catch (ThreadInterruptedException) { }\nThread.Sleep(5000);\nConsole.WriteLine(\"late\");",
            TimeSpan.Zero, sink);

        Assert.Equal("OperationCanceledException", outcome.Error!.Name);
        Assert.InRange(elapsed, CSharpCellExecutor.AbandonAfter - TimeSpan.FromSeconds(0.1), CSharpCellExecutor.AbandonAfter + TimeSpan.FromSeconds(1.5));
        // The next cell continues from the cells before: what the abandoned one declared is gone, what it assigned stays.
        Assert.Equal(["(1,1): error CS0103: The name 'fresh' does not exist in the current context"],
            (await ExecutorTesting.Run(executor, "fresh")).Error!.Traceback);
        Assert.Equal("6", (await ExecutorTesting.RunOk(executor, "kept")).Result!.Text);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the abandoned cell wakes up and writes, to the process console
        Assert.Equal("running\n", sink.StreamText("stdout"));
    }

    /// <summary>Runs <paramref name="code"/> (after a line announcing it runs), interrupts it <paramref name="delay"/>
    /// after that line arrives, and measures how long the cell took to end after the interrupt.</summary>
    private static async Task<(CellOutcome Outcome, TimeSpan Elapsed)> InterruptAfterStart(
        ICellExecutor executor, string code, TimeSpan delay, RecordingSink? sink = null)
    {
        sink ??= new RecordingSink();
        using var cancel = new CancellationTokenSource();
        var running = executor.ExecuteAsync("Console.WriteLine(\"running\");\n" + code, sink, cancel.Token);
        await sink.FirstOutput.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(delay);
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(10));
        return (outcome, clock.Elapsed);
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

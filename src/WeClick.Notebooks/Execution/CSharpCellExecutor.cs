using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// Runs C# cells in one Roslyn scripting state, as .NET Interactive did: variables, types and <c>using</c> directives
/// carry from cell to cell, <c>#r "x.dll"</c> and <c>#load "x.csx"</c> resolve against the working directory,
/// <c>#r "nuget: Name, Version"</c> and <c>#i "nuget: source"</c> restore NuGet packages into the session
/// (<see cref="Packages.PackageSession"/>), the
/// engine and workbench assemblies (TorchSharp, whose libtorch natives it loads itself from the host's deps.json,
/// WeClick.Core, WeClick.Notebooks) are referenced, <c>TorchSharp</c> and <c>static TorchSharp.torch</c> are imported (so
/// PyTorch code ports line by line: <c>tensor(...)</c>, <c>torch.arange(6)</c>, <c>nn.Conv2d</c>), and
/// <see cref="CellGlobals"/> (<c>display</c>, <c>HTML</c>, <c>Markdown</c>, <c>Cancellation</c>) is in scope.
/// </summary>
/// <remarks>
/// <para>Each cell runs on its own thread (16 MiB stack). A cell that fails to compile leaves the state as it was; a cell
/// that throws continues from the state it reached (variables assigned before the throw keep their values), as .NET
/// Interactive did.</para>
/// <para>Interrupts: every loop body and lambda checks the cell's token (<see cref="InterruptInjector"/>), so loops stop
/// within one iteration; a cell blocked in <c>Thread.Sleep</c>, <c>Monitor.Wait</c>, <c>Thread.Join</c> or a
/// synchronous wait is woken with <see cref="Thread.Interrupt"/>. What cannot be interrupted — a long native call (one
/// libtorch op), an <c>await</c> of a task that ignores <see cref="CellGlobals.Cancellation"/>, a loop built from
/// <c>goto</c> — is abandoned after <see cref="AbandonAfter"/>: the cell is reported as interrupted, its later output is
/// dropped, the next cell continues from the cells before it (what it declared is gone; what it assigned to earlier
/// variables stays), and its thread finishes (or not) in the background. Blocking system calls (sleep, open of a
/// FIFO) are usually woken by the interrupt too.</para>
/// <para>While an executor exists, <see cref="Console.Out"/> and <see cref="Console.Error"/> are redirected to the
/// running cell (<see cref="ConsoleCapture"/>); <see cref="Dispose"/> puts them back.</para>
/// </remarks>
public sealed partial class CSharpCellExecutor : ICellExecutor
{
    /// <summary>The namespaces every cell imports, and <c>TorchSharp.torch</c>, a type, which Roslyn imports as
    /// <c>using static</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.IO", "System.Linq", "System.Text", "System.Collections.Generic", "System.Threading",
        "System.Threading.Tasks", "TorchSharp", "TorchSharp.torch",
    ];

    /// <summary>How long after an interrupt a cell that has not stopped is woken with <see cref="Thread.Interrupt"/>.</summary>
    public static readonly TimeSpan WakeAfter = TimeSpan.FromMilliseconds(200);

    /// <summary>How long after an interrupt a cell that still has not stopped is abandoned.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(3);

    private const int CellStackSize = 16 * 1024 * 1024;

    private readonly CSharpCellExecutorOptions _options;
    private ScriptOptions _scriptOptions; // grows as #r "nuget:" cells add packages (CSharpCellExecutor.Packages.cs)
    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private readonly CellGlobals _globals = new();
    private readonly Lock _gate = new();
    private readonly PlotlyLibraryOnce _plotlyLibrary = new(); // plotly.js shown once, before the session's first figure
    private ScriptState<object>? _state;
    private bool _running;
    private bool _disposed;
    private int _executionCount;

    /// <summary>An executor with an empty state; <paramref name="options"/> default to the current directory and no
    /// extra references or imports.</summary>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public CSharpCellExecutor(CSharpCellExecutorOptions? options = null)
    {
        _options = options ?? new CSharpCellExecutorOptions();
        var workingDirectory = Path.GetFullPath(_options.WorkingDirectory);
        if (!Directory.Exists(workingDirectory))
        {
            throw new DirectoryNotFoundException($"The notebook working directory '{workingDirectory}' does not exist.");
        }
        _options = _options with { WorkingDirectory = workingDirectory };
        _scriptOptions = BuildScriptOptions(_options);
        ConsoleCapture.Acquire();
        // Cells compute on every core, as every command does (threads 0); a cell may call torch.set_num_threads itself.
        WeClick.Engine.TorchEngine.Configure(0);
    }

    /// <inheritdoc/>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>The folder relative <c>#r</c>/<c>#load</c> paths resolve against (absolute).</summary>
    public string WorkingDirectory => _options.WorkingDirectory;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Another cell is running.</exception>
    /// <exception cref="ObjectDisposedException">The executor was disposed.</exception>
    public async Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(sink);
        ScriptState<object>? start;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running)
            {
                throw new InvalidOperationException("a cell is already running; wait for it (or interrupt it) before running another.");
            }
            _running = true;
            start = _state;
        }
        try
        {
            var count = Interlocked.Increment(ref _executionCount);
            if (cancel.IsCancellationRequested)
            {
                return new CellOutcome(count, null, CellErrors.Interruption(null));
            }
            var run = new CellRun(this, code, count, start, new CellOutput(sink, _plotlyLibrary), cancel);
            var (outcome, state) = await run.RunAsync().ConfigureAwait(false);
            if (state is not null)
            {
                lock (_gate)
                {
                    _state = state;
                }
            }
            return outcome;
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
            }
        }
    }

    /// <summary>Puts the console writers back. A cell still running is not stopped (cancel its token first).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _packages?.Dispose();
        ConsoleCapture.Release();
    }

    /// <summary>The script for <paramref name="code"/> as cell <paramref name="count"/>, continuing <paramref name="previous"/>.</summary>
    private Script<object> Continue(ScriptState<object>? previous, string code, int count)
    {
        var options = _scriptOptions.WithFilePath(Path.Combine(_options.WorkingDirectory, $"cell-{count}"));
        return previous is null
            ? CSharpScript.Create<object>(code, options, typeof(CellGlobals))
            : previous.Script.ContinueWith<object>(code, options);
    }

    // The workbench's chart and table libraries: Plotly.NET and its C# API (and the F# core and DynamicObj its types
    // expose), and Microsoft.Data.Analysis, so a cell can build charts with `using Plotly.NET.CSharp;` and compute with
    // the results store's DataFrames with no #r (a #r "nuget:" for them reuses these same assemblies).
    private static readonly Assembly[] LibraryAssemblies =
    [
        typeof(Plotly.NET.GenericChart).Assembly, typeof(Plotly.NET.CSharp.Chart).Assembly,
        typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly, typeof(DynamicObj.DynamicObj).Assembly,
        typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
    ];

    private static ScriptOptions BuildScriptOptions(CSharpCellExecutorOptions options)
    {
        var workingDirectory = options.WorkingDirectory;
        var assemblies = new[]
        {
            typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Console).Assembly,
            typeof(System.Collections.Generic.Queue<>).Assembly, typeof(System.Text.RegularExpressions.Regex).Assembly,
            typeof(System.Text.Json.JsonSerializer).Assembly, typeof(System.ComponentModel.INotifyPropertyChanged).Assembly,
            typeof(System.Diagnostics.Process).Assembly, Assembly.Load("System.Runtime"), Assembly.Load("netstandard"),
            typeof(WeClick.Reports.MimeBundle).Assembly, typeof(TorchSharp.torch).Assembly, typeof(CSharpCellExecutor).Assembly,
        }.Concat(LibraryAssemblies).Concat(options.Assemblies).Distinct();
        var metadataResolver = ScriptMetadataResolver.Default.WithBaseDirectory(workingDirectory);
        return ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithReferences(assemblies)
            .AddReferences(options.References.Select(path => Path.GetFullPath(path, workingDirectory)))
            .WithImports(DefaultImports.Concat(options.Imports).Distinct())
            .WithMetadataResolver(metadataResolver)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, workingDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithAllowUnsafe(true);
    }
}

using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Runner;

namespace WeClick.Cli.Commands;

/// <summary>
/// <c>weclick notebook run</c>: executes a C# notebook headless, papermill-style (parameters injected after the cell
/// tagged <c>parameters</c>, outputs written into a copy; a Polyglot notebook's cells in other languages are skipped, each
/// named); <c>weclick notebook params</c>: lists a notebook's parameters; <c>weclick notebook convert</c>: .dib to .ipynb.
/// </summary>
internal static class NotebookCommand
{
    /// <summary>Exit code of a run whose notebook raised an error (the output notebook is still written).</summary>
    public const int NotebookFailed = 1;

    /// <summary>Exit code after Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>The C# engine that runs the cells, in the run's working directory.</summary>
    private static ICellExecutor CreateExecutor(string workingDirectory) =>
        new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = workingDirectory });

    public static Command Create() => new("notebook", "Run C# notebooks (.ipynb, Polyglot Notebooks' too) headless, inspect their parameters, convert .dib scripts.")
    {
        RunCommand(),
        ParamsCommand(),
        NotebookConvertCommand.Create(),
    };

    private static Command RunCommand()
    {
        var notebook = new Argument<string>("notebook") { Description = "The notebook to run (.ipynb)." };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "Override a parameter: -p name=value (repeatable). True/False/true/false become bool, then integers, then floats, else a string (as papermill's -p).",
        };
        var raw = new Option<string[]>("--parameter-raw", "-r")
        {
            Description = "Override a parameter with a string kept as it is: -r name value (repeatable).",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--output", "-o") { Description = "The executed notebook to write (default: <name>.out.ipynb next to the input; the input is never overwritten unless named here)." };
        var cwd = new Option<string?>("--cwd") { Description = "Working directory of the run (default: the notebook's folder, as Jupyter does, so relative paths in cells work)." };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run every cell even after an error (nbconvert's --allow-errors); errors stay in the outputs and the exit code is 0." };
        var command = new Command("run", "Execute every C# cell in order, papermill-style, and write the notebook with its outputs. Cells in other languages (a Polyglot notebook's #!fsharp, #!pwsh... cells) are skipped and named. Exit code 1 when a cell fails (the output is still written), 2 for bad input.")
        {
            notebook, parameters, raw, output, cwd, allowErrors,
        };
        command.SetAction(parse => Run(
            parse.GetValue(notebook)!,
            ParseParameters(parse.GetValue(parameters) ?? [], parse.GetResult(raw)?.Tokens.Select(t => t.Value).ToList() ?? []),
            parse.GetValue(output),
            parse.GetValue(cwd),
            parse.GetValue(allowErrors)));
        return command;
    }

    private static Command ParamsCommand()
    {
        var notebook = new Argument<string>("notebook") { Description = "The notebook (.ipynb)." };
        var command = new Command("params", "List the variables declared in the notebook's cell tagged 'parameters': name, type, default value, comment.") { notebook };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(notebook)!;
            var nb = NotebookDocument.Load(path);
            if (ParameterCellScanner.FindParametersCell(nb) is null)
            {
                Console.Error.WriteLine($"{path}: no cell is tagged 'parameters' (papermill would inject parameters at the top).");
                return 0;
            }
            var declarations = ParameterCellScanner.Scan(nb);
            var nameWidth = declarations.Select(d => d.Name.Length).Append(4).Max();
            var typeWidth = declarations.Select(d => d.Type.Length).Append(4).Max();
            Console.WriteLine($"{"name".PadRight(nameWidth)}  {"type".PadRight(typeWidth)}  default");
            foreach (var d in declarations)
            {
                var comment = d.Comment is null ? "" : $"  // {d.Comment}";
                Console.WriteLine($"{d.Name.PadRight(nameWidth)}  {d.Type.PadRight(typeWidth)}  {d.DefaultValue}{comment}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The -p and -r overrides in command-line order of kind (-p first, then -r; a later value for a name wins).</summary>
    private static List<NotebookParameter> ParseParameters(IEnumerable<string> typed, IReadOnlyList<string> rawTokens)
    {
        var list = typed.Select(NotebookParameter.Parse).ToList();
        for (var i = 0; i + 1 < rawTokens.Count; i += 2)
        {
            list.Add(NotebookParameter.Raw(rawTokens[i], rawTokens[i + 1]));
        }
        return list;
    }

    private static int Run(string input, List<NotebookParameter> parameters, string? output, string? cwd, bool allowErrors)
    {
        var inputPath = Path.GetFullPath(input);
        var notebook = NotebookDocument.Load(inputPath);
        var folder = Path.GetDirectoryName(inputPath)!;
        var outputPath = Path.GetFullPath(output ?? Path.Combine(folder, Path.GetFileNameWithoutExtension(inputPath) + ".out.ipynb"));
        if (!Directory.Exists(Path.GetDirectoryName(outputPath)))
        {
            throw new ArgumentException($"-o {output}: the folder {Path.GetDirectoryName(outputPath)} does not exist.");
        }
        var workingDirectory = Path.GetFullPath(cwd ?? folder);
        if (!Directory.Exists(workingDirectory))
        {
            throw new ArgumentException($"--cwd {cwd}: no such folder.");
        }

        // Said before the first cell, not discovered after the work: figures then show only their Plotly JSON.
        if (PlotlyJsWarning.Text() is { } warning)
        {
            Console.Error.WriteLine($"weclick: warning: {warning}");
        }
        // Cells see the working directory as Jupyter kernels do: relative paths resolve against the notebook's folder.
        Directory.SetCurrentDirectory(workingDirectory);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop the running cell and write what ran, instead of dying mid-write
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var executor = CreateExecutor(workingDirectory);
            var options = new NotebookRunOptions { Parameters = parameters, InputPath = inputPath, OutputPath = outputPath, AllowErrors = allowErrors };
            var result = RunWithProgress(notebook, options, executor, cancel.Token);
            return Report(result, outputPath, allowErrors);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine($"weclick: notebook run cancelled; what ran is in {outputPath}");
            return Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static NotebookRunResult RunWithProgress(NotebookDocument notebook, NotebookRunOptions options, ICellExecutor executor, CancellationToken cancel)
    {
        if (!ConsoleProgress.IsInteractive)
        {
            var lines = new LineProgress(p =>
            {
                if (p.Skipped is { } skipped)
                {
                    Console.Error.WriteLine($"cell {p.CodeCellNumber}/{p.CodeCellCount} (notebook cell {p.CellIndex + 1}): {skipped.SkipMessage}");
                }
                else if (p.Finished)
                {
                    var status = p.Error is null ? "" : $" failed: {p.Error.Name}";
                    Console.Error.WriteLine($"cell {p.CodeCellNumber}/{p.CodeCellCount} (notebook cell {p.CellIndex + 1}): {Seconds(p.Elapsed)}{status}");
                }
            });
            return NotebookRunner.RunAsync(notebook, options, executor, lines, cancel).GetAwaiter().GetResult();
        }
        NotebookRunResult result = null!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Path.GetFileName(options.InputPath ?? "notebook")), maxValue: 1);
                var bar = new LineProgress(p =>
                {
                    task.MaxValue = Math.Max(p.CodeCellCount, 1);
                    task.Description = Markup.Escape($"cell {p.CodeCellNumber}/{p.CodeCellCount}" + (p.Skipped is { } k ? $" skipped ({k.LanguageName})" : ""));
                    task.Value = p.Finished ? p.CodeCellNumber : p.CodeCellNumber - 1;
                });
                result = await NotebookRunner.RunAsync(notebook, options, executor, bar, cancel);
            })
            .GetAwaiter().GetResult();
        return result;
    }

    private static int Report(NotebookRunResult result, string outputPath, bool allowErrors)
    {
        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"weclick: warning: {warning}");
        }
        var failures = result.Cells.Where(c => c.Error is not null && !result.Notebook.Cells[c.CellIndex].HasTag(NotebookRunner.RaisesExceptionTag)).ToList();
        if (result.Failure is { Error: { } error } failure && !allowErrors)
        {
            // A compile error's message is its traceback (one diagnostic per line): print those lines once.
            var headline = error.Traceback.Count > 0 && error.Message == string.Join('\n', error.Traceback) ? error.Name : $"{error.Name}: {error.Message}";
            Console.Error.WriteLine($"notebook failed at cell {failure.CellIndex + 1} (In [{failure.ExecutionCount}]): {headline}");
            foreach (var line in error.Traceback)
            {
                Console.Error.WriteLine(line);
            }
            Console.Error.WriteLine($"the executed notebook, up to the failing cell, is in {outputPath}");
            return NotebookFailed;
        }
        foreach (var f in failures)
        {
            Console.Error.WriteLine($"weclick: warning: cell {f.CellIndex + 1} (In [{f.ExecutionCount}]) raised {f.Error!.Name}: {f.Error.Message}");
        }
        var skipped = result.Cells.Where(c => c.Skipped is not null).ToList();
        var skippedNote = skipped.Count == 0 ? "" : $", {skipped.Count} skipped ({string.Join(", ", skipped.Select(c => c.Skipped!.LanguageName).Distinct())})";
        Console.WriteLine($"wrote {outputPath} ({result.Cells.Count - skipped.Count} cells run{skippedNote} in {Seconds(result.Duration)})");
        return 0;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    // Progress<T> posts to the thread pool; lines must come out in order, when they happen.
    private sealed class LineProgress(Action<NotebookRunProgress> report) : IProgress<NotebookRunProgress>
    {
        public void Report(NotebookRunProgress value) => report(value);
    }
}

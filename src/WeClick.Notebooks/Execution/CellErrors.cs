using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// Turns compile diagnostics and exceptions into the <see cref="CellError"/> Jupyter shows. A traceback keeps only what
/// helps the notebook's author: frames in cells (<c>at F in cell [2], line 3</c>) and frames in the workbench's own
/// libraries (WeClick.*, with their file and line when the PDB is there), innermost first as .NET prints them; frames of
/// the runtime, Roslyn's submission wrappers and this engine are dropped.
/// </summary>
internal static partial class CellErrors
{
    /// <summary>The error name of an interrupted cell.</summary>
    public const string Interrupted = nameof(OperationCanceledException);

    /// <summary>The error name (<c>ename</c>) of a compile error, as .NET Interactive's kernels and Polyglot Notebooks write it.</summary>
    public const string CompilationErrorName = "Error";

    /// <summary>
    /// A compile error as .NET Interactive reports one, so that notebooks saved by Polyglot Notebooks read the same here:
    /// <c>ename</c> <c>Error</c>, <c>evalue</c> every error diagnostic as <c>(line,col): error CSxxxx: message</c> (Roslyn's
    /// own diagnostic text for a cell without a file path; positions 1-based in the cell as typed), one per line, and the
    /// traceback those same lines, one entry per diagnostic. (.NET Interactive fails the submission with the diagnostics
    /// joined by newlines, and VS Code saves that as <c>evalue</c> and, split into lines, as <c>traceback</c>.) Warnings
    /// are left out, as Roslyn's <c>CompilationErrorException</c> leaves them out.
    /// </summary>
    public static CellError Compilation(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var message = $"error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
            if (!d.Location.IsInSource)
            {
                return message;
            }
            var start = d.Location.GetLineSpan().StartLinePosition;
            return $"({start.Line + 1},{start.Character + 1}): {message}";
        }).ToList();
        if (lines.Count == 0)
        {
            lines.Add("error: the cell did not compile");
        }
        return new CellError(CompilationErrorName, string.Join("\n", lines), lines);
    }

    /// <summary>The error for an interrupted cell (with the frames it was stopped in, when known).</summary>
    public static CellError Interruption(Exception? stoppedBy)
    {
        const string message = "The cell was interrupted.";
        var traceback = new List<string> { $"{Interrupted}: {message}" };
        if (stoppedBy is not null)
        {
            traceback.AddRange(Frames(stoppedBy));
        }
        return new CellError(Interrupted, message, traceback);
    }

    /// <summary>The error for an exception the cell threw (wrappers unwrapped, inner exceptions summarised).</summary>
    public static CellError Runtime(Exception exception)
    {
        exception = Unwrap(exception);
        var traceback = new List<string> { Headline(exception) };
        traceback.AddRange(Frames(exception));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            traceback.Add(" ---> " + Headline(inner));
            traceback.AddRange(Frames(inner).Select(frame => "  " + frame));
        }
        return new CellError(exception.GetType().Name, exception.Message, traceback);
    }

    /// <summary>The exception the user's code threw, without reflection and task wrappers.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    exception = aggregate.InnerExceptions[0];
                    break;
                default:
                    return exception;
            }
        }
    }

    private static string Headline(Exception exception) => $"{exception.GetType().FullName}: {exception.Message}";

    private static IEnumerable<string> Frames(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            if (method is null)
            {
                continue;
            }
            var file = frame.GetFileName();
            var line = frame.GetFileLineNumber();
            if (file is not null && CellFileName().Match(Path.GetFileName(file)) is { Success: true } cell)
            {
                yield return $"  at {MethodName(method)} in cell [{cell.Groups[1].Value}], line {line}";
            }
            else if (IsWorkbenchLibrary(method))
            {
                yield return file is null
                    ? $"  at {MethodName(method)}"
                    : $"  at {MethodName(method)} in {file}:line {line}";
            }
        }
    }

    private static bool IsWorkbenchLibrary(MethodBase method)
    {
        var assembly = method.DeclaringType?.Assembly.GetName().Name ?? "";
        return assembly.StartsWith("WeClick", StringComparison.Ordinal) && assembly != typeof(CellErrors).Assembly.GetName().Name;
    }

    /// <summary>A frame's method as the author wrote it: <c>&lt;cell&gt;</c> for a cell's top-level code, <c>Type.Method</c>
    /// otherwise, with async state machines, lambdas and local functions named after the method that holds them.</summary>
    private static string MethodName(MethodBase method)
    {
        var type = method.DeclaringType;
        var name = method.Name;
        if (name == "MoveNext" && type is not null && GeneratedName().Match(type.Name) is { Success: true } stateMachine)
        {
            name = stateMachine.Groups[1].Value;
            type = type.DeclaringType;
        }
        if (LocalFunctionName().Match(name) is { Success: true } local)
        {
            name = local.Groups[1].Value;
        }
        else if (LambdaName().Match(name) is { Success: true } lambda)
        {
            name = (lambda.Groups[1].Value == "<Initialize>" ? "<cell>" : lambda.Groups[1].Value) + ".lambda";
        }
        while (type is not null && type.Name.StartsWith("<>", StringComparison.Ordinal))
        {
            type = type.DeclaringType;
        }
        if (name == "<Initialize>")
        {
            return "<cell>";
        }
        var typeName = type is null ? "" : SubmissionPrefix().Replace(type.FullName ?? type.Name, "").Replace('+', '.');
        return typeName.Length == 0 ? name : typeName + "." + name;
    }

    [GeneratedRegex(@"^cell-(\d+)$")]
    private static partial Regex CellFileName();

    [GeneratedRegex(@"^<(<[^>]+>|[^<>]*)>")]
    private static partial Regex GeneratedName();

    [GeneratedRegex(@"^<(<[^>]+>|[^<>]*)>b__")]
    private static partial Regex LambdaName();

    [GeneratedRegex(@"^<(?:<[^>]+>|[^<>]*)>g__([^|]+)\|")]
    private static partial Regex LocalFunctionName();

    [GeneratedRegex(@"^Submission#\d+\+?")]
    private static partial Regex SubmissionPrefix();
}

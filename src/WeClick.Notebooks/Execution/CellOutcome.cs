using WeClick.Reports;

namespace WeClick.Notebooks.Execution;

/// <summary>What a cell produced: its execution count, the value of its last expression (if any), or its error.</summary>
/// <param name="ExecutionCount">The cell's execution count.</param>
/// <param name="Result">The last expression's value as a bundle (Jupyter <c>execute_result</c>), or null.</param>
/// <param name="Error">The compile error or exception, or null when the cell succeeded.</param>
public sealed record CellOutcome(int ExecutionCount, MimeBundle? Result, CellError? Error)
{
    /// <summary>True when the cell ran to the end without an error.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>A cell's error as Jupyter shows it.</summary>
/// <param name="Name">The exception type's short name (<c>ename</c>), e.g. <c>InvalidOperationException</c>, or <c>Error</c> for a
/// compile error (as .NET Interactive names it).</param>
/// <param name="Message">The message (<c>evalue</c>); for a compile error, every diagnostic, one per line.</param>
/// <param name="Traceback">Lines shown to the user: for an exception, the message, then the user-code part of the stack (cell
/// and line), no engine frames; for a compile error, one <c>(line,col): error CSxxxx: message</c> per diagnostic.</param>
public sealed record CellError(string Name, string Message, IReadOnlyList<string> Traceback);

/// <summary>Jupyter's is_complete statuses.</summary>
public enum CodeCompletenessStatus
{
    /// <summary>Ready to run.</summary>
    Complete,
    /// <summary>More input is needed (an open brace, an unterminated string).</summary>
    Incomplete,
    /// <summary>Cannot become valid by adding text.</summary>
    Invalid,
}

/// <summary>An is_complete answer; <paramref name="Indent"/> suggests the next line's indentation when incomplete.</summary>
public sealed record CodeCompleteness(CodeCompletenessStatus Status, string Indent = "");

/// <summary>Completion candidates replacing <c>code[CursorStart..CursorEnd]</c>.</summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);

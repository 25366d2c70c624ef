using WeClick.Notebooks.Execution;

namespace WeClick.Notebooks.Documents;

/// <summary>An exception or compile error (<c>output_type: "error"</c>: <c>ename</c>, <c>evalue</c>, <c>traceback</c>).</summary>
public sealed class ErrorOutput : NotebookOutput
{
    /// <summary>Creates an error output from the engine's error.</summary>
    public ErrorOutput(CellError error) => Error = error;

    /// <inheritdoc/>
    public override string OutputType => "error";

    /// <summary>The error: name, message and the traceback lines.</summary>
    public CellError Error { get; }
}

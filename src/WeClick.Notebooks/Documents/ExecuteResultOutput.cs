using WeClick.Reports;

namespace WeClick.Notebooks.Documents;

/// <summary>The value of a cell's last expression (<c>output_type: "execute_result"</c>).</summary>
public sealed class ExecuteResultOutput : NotebookOutput
{
    /// <summary>Creates a result output.</summary>
    /// <param name="bundle">The value's representations.</param>
    /// <param name="executionCount">The cell's execution count (null only in files that lack one).</param>
    public ExecuteResultOutput(MimeBundle bundle, int? executionCount)
    {
        Bundle = bundle;
        ExecutionCount = executionCount;
    }

    /// <inheritdoc/>
    public override string OutputType => "execute_result";

    /// <summary>The representations (<c>data</c>) and their metadata (<c>metadata</c>).</summary>
    public MimeBundle Bundle { get; }

    /// <summary>The execution count of the cell that produced it.</summary>
    public int? ExecutionCount { get; }
}

namespace WeClick.Notebooks.Documents;

/// <summary>One output of a code cell (nbformat v4 <c>output</c>): a stream, a displayed value, a result or an error.</summary>
public abstract class NotebookOutput
{
    /// <summary>The nbformat <c>output_type</c>: <c>stream</c>, <c>display_data</c>, <c>execute_result</c> or <c>error</c>.</summary>
    public abstract string OutputType { get; }
}

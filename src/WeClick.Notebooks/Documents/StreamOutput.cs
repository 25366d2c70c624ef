namespace WeClick.Notebooks.Documents;

/// <summary>Text a cell wrote to standard output or standard error (<c>output_type: "stream"</c>).</summary>
public sealed class StreamOutput : NotebookOutput
{
    /// <summary>Creates a stream output.</summary>
    /// <param name="name"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="text">The text, newlines included.</param>
    public StreamOutput(string name, string text)
    {
        Name = name;
        Text = text;
    }

    /// <inheritdoc/>
    public override string OutputType => "stream";

    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; }

    /// <summary>The text; consecutive writes to the same stream are appended here, as Jupyter frontends merge them.</summary>
    public string Text { get; set; }
}

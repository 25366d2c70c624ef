namespace WeClick.Notebooks.Documents;

/// <summary>
/// A file is not a notebook this reader understands: not JSON, or JSON whose shape breaks nbformat v4. The message names
/// the file and the JSON path of the offending value (e.g. <c>cells[3].source</c>).
/// </summary>
/// <remarks>An <see cref="IOException"/> so that command-line front ends report it as a one-line input error.</remarks>
public sealed class NotebookFormatException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> already names the file and path.</summary>
    public NotebookFormatException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

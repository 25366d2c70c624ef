namespace WeClick.Notebooks.Documents;

/// <summary>The nbformat v4 cell types.</summary>
public enum NotebookCellType
{
    /// <summary>Code (<c>"code"</c>): has outputs and an execution count.</summary>
    Code,
    /// <summary>Markdown text (<c>"markdown"</c>); never executed.</summary>
    Markdown,
    /// <summary>Raw text passed through conversion untouched (<c>"raw"</c>); never executed.</summary>
    Raw,
}

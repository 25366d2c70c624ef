namespace WeClick.Notebooks.Runner;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides injected after the <c>parameters</c> cell (none: the notebook runs with its defaults).</summary>
    public IReadOnlyList<NotebookParameter> Parameters { get; init; } = [];

    /// <summary>Where the notebook was read from (recorded in <c>metadata.papermill.input_path</c>), or null.</summary>
    public string? InputPath { get; init; }

    /// <summary>Where the executed notebook is written — also when a cell fails or the run is cancelled — or null to not write it.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Keep running after a failing cell (nbconvert's <c>--allow-errors</c>); errors stay in the outputs.</summary>
    public bool AllowErrors { get; init; }
}

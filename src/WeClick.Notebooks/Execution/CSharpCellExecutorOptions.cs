using System.Reflection;

namespace WeClick.Notebooks.Execution;

/// <summary>How a <see cref="CSharpCellExecutor"/> sets up the cells' compilation.</summary>
public sealed record CSharpCellExecutorOptions
{
    /// <summary>The folder relative <c>#r</c> and <c>#load</c> paths resolve against — the notebook's folder, as .NET
    /// Interactive did (default: the process's current directory).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Assembly files every cell references, besides the workbench (relative paths resolve against
    /// <see cref="WorkingDirectory"/>).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Loaded assemblies every cell references (their types are shared with the host, not loaded twice).</summary>
    public IReadOnlyList<Assembly> Assemblies { get; init; } = [];

    /// <summary>Namespaces every cell imports, besides the defaults (<see cref="CSharpCellExecutor.DefaultImports"/>).</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];
}

using WeClick.Notebooks.Packages;
using WeClick.Reports;

namespace WeClick.Notebooks.Execution;

// #r "nuget: Name, Version" and #i "nuget: source" in cells, as .NET Interactive took them (Packages/PackageSession).
public sealed partial class CSharpCellExecutor
{
    private PackageSession? _packages;

    /// <summary>The NuGet packages this session restored with <c>#r "nuget:…"</c>; null until a cell asks for one.</summary>
    public PackageSession? Packages => _packages;

    /// <summary>
    /// Carries out the NuGet directives of <paramref name="code"/>: shows progress in the cell while restore runs, adds
    /// the packages' assemblies to the references of this and every later cell, and returns the code with the directive
    /// lines left empty — or the error to report, with the session unchanged.
    /// </summary>
    private (string Code, CellError? Error) ApplyPackageDirectives(string code, CellOutput output, CancellationToken cancel)
    {
        string remaining;
        IReadOnlyList<PackageDirective> directives;
        try
        {
            (remaining, directives) = PackageDirective.Extract(code);
        }
        catch (FormatException e)
        {
            return (code, PackageError(e.Message));
        }
        if (directives.Count == 0)
        {
            return (code, null);
        }
        _packages ??= new PackageSession(_options.WorkingDirectory);
        var displayId = "nuget-" + Guid.NewGuid().ToString("N");
        var shown = false;
        void Progress(string line)
        {
            if (shown)
            {
                output.UpdateDisplay(new MimeBundle(line), displayId);
            }
            else
            {
                output.Display(new MimeBundle(line), displayId);
                shown = true;
            }
        }
        try
        {
            var assemblies = _packages.Apply(directives, Progress, cancel);
            if (assemblies.Count > 0)
            {
                lock (_gate)
                {
                    _scriptOptions = _scriptOptions.AddReferences(assemblies);
                }
            }
            return (remaining, null);
        }
        catch (PackageRestoreException e)
        {
            return (code, PackageError(e.Message));
        }
    }

    private static CellError PackageError(string message) =>
        new(nameof(PackageRestoreException), message, [.. message.Split('\n').Select(line => line.TrimEnd('\r'))]);
}

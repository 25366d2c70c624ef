using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// What a run says about a notebook that is not all C#: Polyglot Notebooks (.NET Interactive) files may mix kernels, and
/// the WeClick kernel runs only the C# cells. A notebook whose default kernel is another language (kernelspec
/// <c>.net-fsharp</c>…) gets a warning when some of its cells are still C#, and is refused when none is: skipping every
/// cell and reporting success would hide that nothing ran.
/// </summary>
internal static class RunLanguages
{
    /// <summary>The run's warnings about <paramref name="kernels"/> (those of the code cells the run goes through).</summary>
    /// <exception cref="NotebookFormatException">There are code cells and none is C#.</exception>
    public static IReadOnlyList<string> Check(NotebookDocument notebook, IReadOnlyList<CellKernel> kernels, string? inputPath)
    {
        var defaultKernel = CellLanguage.DefaultOf(notebook);
        var skipped = kernels.Count(k => !k.IsCSharp);
        if (kernels.Count > 0 && skipped == kernels.Count)
        {
            var languages = string.Join(", ", kernels.Select(k => k.LanguageName).Distinct());
            var why = defaultKernel.IsCSharp ? "" : $"its default kernel is {defaultKernel.LanguageName}{KernelSpecOf(notebook)} and ";
            throw new NotebookFormatException(
                $"{inputPath ?? "the notebook"}: {why}none of its {kernels.Count} code cell(s) is C# ({languages}); the WeClick kernel "
                + "runs C# only. Open it with a kernel for its language, or start the cells that should run here with a #!csharp line.");
        }
        if (!defaultKernel.IsCSharp)
        {
            return [$"the notebook's default kernel is {defaultKernel.LanguageName}{KernelSpecOf(notebook)}: only its C# cells run "
                + $"(those starting with #!csharp or marked csharp in their metadata); its {skipped} other code cell(s) are skipped."];
        }
        return [];
    }

    /// <summary>" (kernelspec '.net-fsharp')" when a .NET Interactive kernelspec names the default, else nothing.</summary>
    private static string KernelSpecOf(NotebookDocument notebook) =>
        notebook.Metadata["kernelspec"]?["name"] is JsonValue value && value.TryGetValue<string>(out var name)
        && name.StartsWith(".net-", StringComparison.OrdinalIgnoreCase)
            ? $" (kernelspec '{name}')"
            : "";
}

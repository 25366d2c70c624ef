using System.Text.RegularExpressions;

namespace WeClick.Core.Tests;

/// <summary>
/// The library's dependencies point one way (DESIGN.md, "Layout"): Data → (Clicks) → Training (Models + Losses + Flow) →
/// Evaluation → Experiments → Reports, over the utility layers Serialization, Engine and Vision. A layer's settings live in
/// the layer, and Experiments composes them, so no file imports a layer above its own. These tests read the sources: a
/// `using`, a `using static`, an alias or a qualified name of a later layer fails them.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>The layers bottom up: a file may use the layers before its own, never its own's successors.</summary>
    public static readonly string[] Layers =
    [
        "Serialization", "Engine", "Vision", "Diagnostics", "Data", "Clicks", "Flow", "Models", "Losses", "Training", "Evaluation", "Experiments", "Reports",
    ];

    [Fact]
    public void NoLibraryFileUsesALayerAboveItsOwn()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "WeClick");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 200, $"only {files.Count} sources under {root}");
        var violations = files.SelectMany(f => Violations(Path.GetRelativePath(root, f), File.ReadAllText(f))).ToList();
        Assert.True(violations.Count == 0, "Imports that run back up the layers:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryFolderOfTheLibraryIsALayer()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "WeClick");
        var folders = Directory.EnumerateDirectories(root).Select(Path.GetFileName).Where(d => d is not ("bin" or "obj")).Order().ToArray();
        Assert.Equal(Layers.Order().ToArray(), folders);
    }

    [Fact]
    public void TheCheckFindsAnUpwardUsing_AStaticUsing_AnAlias_AQualifiedName_AndAForeignNamespace()
    {
        Assert.Single(Violations("Training/A.cs", "using WeClick.Experiments;\nnamespace WeClick.Training;\n"));
        Assert.Single(Violations("Evaluation/A.cs", "using static WeClick.Reports.Charts;\nnamespace WeClick.Evaluation;\n"));
        Assert.Single(Violations("Data/A.cs", "using Cache = WeClick.Flow.FlowCache;\nnamespace WeClick.Data;\n"));
        Assert.Single(Violations("Experiments/A.cs", "namespace WeClick.Experiments;\nclass A { object R = new WeClick.Reports.HtmlReport(\"x\"); }\n"));
        Assert.Single(Violations("Data/A.cs", "namespace WeClick.Experiments;\n"));
        // What may stay: a lower layer, a comment that names a higher one, a sub-namespace of the file's own layer.
        Assert.Empty(Violations("Reports/A.cs", "using WeClick.Experiments;\nusing WeClick.Data.Synthetic;\nnamespace WeClick.Reports;\n"));
        Assert.Empty(Violations("Training/A.cs", "namespace WeClick.Training;\n/// <see cref=\"WeClick.Experiments.Sweep\"/>\n// WeClick.Reports.Charts draws it\n"));
        Assert.Empty(Violations("Models/Heads/A.cs", "using WeClick.Models.Backbones;\nnamespace WeClick.Models.Heads;\n"));
    }

    // Each use of a later layer in one source file (comments stripped), and a namespace that is not its folder's.
    private static IEnumerable<string> Violations(string relativePath, string source)
    {
        var layer = relativePath.Split('/', '\\')[0];
        var rank = Array.IndexOf(Layers, layer);
        if (rank < 0)
        {
            yield return $"{relativePath}: folder '{layer}' is not a layer (add it to LayeringTests.Layers and DESIGN.md)";
            yield break;
        }
        var code = Comment().Replace(source, "");
        foreach (Match declared in Namespace().Matches(code))
        {
            if (declared.Groups[1].Value != layer)
            {
                yield return $"{relativePath}: declares namespace WeClick.{declared.Groups[1].Value} in the {layer} folder";
            }
        }
        foreach (Match used in Qualified().Matches(code))
        {
            var target = used.Groups[1].Value;
            var targetRank = Array.IndexOf(Layers, target);
            if (targetRank > rank && !used.Value.StartsWith("namespace", StringComparison.Ordinal))
            {
                var line = code[..used.Index].Count(c => c == '\n') + 1;
                yield return $"{relativePath}:{line}: {layer} uses WeClick.{target} (a later layer)";
            }
        }
    }

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^namespace\s+WeClick\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"(?:namespace\s+)?\bWeClick\.(\w+)")]
    private static partial Regex Qualified();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeClick.Research.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException($"no WeClick.Research.sln above {AppContext.BaseDirectory}");
    }
}

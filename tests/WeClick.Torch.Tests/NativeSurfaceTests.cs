using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using WeClick.Torch.Interop;

namespace WeClick.Torch.Tests;

/// <summary>The C ABI (src/native/include) and its P/Invoke declarations stay in step, function for function.</summary>
public partial class NativeSurfaceTests
{
    [GeneratedRegex(@"WC_API\s+[\w\s\*]+?\b(Wc\w+)\s*\(")]
    private static partial Regex DeclarationPattern();

    private static string IncludeDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeClick.Research.sln")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "src", "native", "include");
        }
    }

    private static SortedSet<string> HeaderFunctions() => new(
        Directory.EnumerateFiles(IncludeDirectory, "*.h", SearchOption.AllDirectories)
            .SelectMany(file => DeclarationPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)),
        StringComparer.Ordinal);

    private static SortedSet<string> ManagedDeclarations() => new(
        typeof(NativeMethods).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(m => m.Name.StartsWith("Wc", StringComparison.Ordinal) && !m.Name.Contains('<'))
            .Select(m => m.Name),
        StringComparer.Ordinal);

    [Fact]
    public void EveryHeaderFunction_HasAManagedDeclaration_AndViceVersa()
    {
        var header = HeaderFunctions();
        var managed = ManagedDeclarations();
        Assert.True(header.Count > 100, $"only {header.Count} declarations found in {IncludeDirectory}");
        Assert.Empty(header.Except(managed));
        Assert.Empty(managed.Except(header));
    }

    [Fact]
    public void EveryHeaderFunction_IsExportedByTheBuiltLibrary()
    {
        var library = NativeLibrary.Load(NativeLibraryLoader.CandidatePaths().First(File.Exists));
        var missing = HeaderFunctions().Where(name => !NativeLibrary.TryGetExport(library, name, out _)).ToList();
        Assert.Empty(missing);
    }
}

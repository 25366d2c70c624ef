using System.Text.Json;

namespace WeClick.Notebooks.Packages;

/// <summary>
/// Reads what <c>dotnet restore</c> resolved from its <c>obj/project.assets.json</c>: for the target
/// <c>&lt;framework&gt;/&lt;rid&gt;</c>, each package's runtime assemblies and native libraries, made absolute against
/// the package folder restore used. The file's format is NuGet's lock file (NuGet.ProjectModel's LockFile), which the
/// SDK reads the same way at build time.
/// </summary>
internal static class ProjectAssets
{
    /// <summary>Every package of <paramref name="target"/> in <paramref name="assetsFile"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a restore result for <paramref name="target"/>.</exception>
    public static IReadOnlyList<RestoredPackage> Read(string assetsFile, string target)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(assetsFile));
        var root = document.RootElement;
        if (!root.TryGetProperty("targets", out var targets) || !targets.TryGetProperty(target, out var packages))
        {
            throw new InvalidDataException($"{assetsFile} has no target '{target}': the restore did not resolve this framework and runtime.");
        }
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var restored = new List<RestoredPackage>();
        foreach (var package in packages.EnumerateObject())
        {
            if (package.Value.TryGetProperty("type", out var type) && type.GetString() != "package")
            {
                continue; // a project reference (none in our generated project)
            }
            var (name, version) = Split(package.Name);
            var folder = Path.Combine(packageFolder, libraries.GetProperty(package.Name).GetProperty("path").GetString()!);
            restored.Add(new RestoredPackage(name, version,
                Files(package.Value, "runtime", folder, path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)),
                Files(package.Value, "native", folder, IsSharedLibrary)));
        }
        return restored;
    }

    private static (string Name, string Version) Split(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }

    // "_._" marks an empty folder (a package with nothing for this framework); static archives (.a) cannot be loaded.
    private static IReadOnlyList<string> Files(JsonElement package, string group, string folder, Func<string, bool> keep) =>
        package.TryGetProperty(group, out var files)
            ? files.EnumerateObject().Select(file => file.Name).Where(keep)
                .Select(file => Path.GetFullPath(Path.Combine(folder, file))).ToList()
            : [];

    private static bool IsSharedLibrary(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal)
            || name.EndsWith(".dylib", StringComparison.Ordinal) || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace WeClick.Notebooks.Packages;

/// <summary>
/// The NuGet packages of one notebook session: what <c>#r "nuget:…"</c> asked for, what restore resolved, the sources
/// <c>#i "nuget:…"</c> added, and the loading of their assemblies and native libraries into this process.
/// </summary>
/// <remarks>
/// <para>A session holds one version of each package, as .NET Interactive did: asking again for a package already
/// restored (same version, or no version) is a no-op; asking for another version is an error that says to restart the
/// kernel. Every restore resolves all the session's packages together, so a new package that would move one already
/// loaded to another version is refused too.</para>
/// <para>Assemblies load into the default load context, so a type from a package is the same type the workbench and
/// its display formatters see (a Plotly.NET chart made in a cell is the <c>GenericChart</c> the formatter knows). An
/// assembly the process already has (the workbench ships Plotly.NET, FSharp.Core, Microsoft.Data.Analysis, ...) is
/// reused when its version is at least the package's; a package that needs a newer one than the process has is refused
/// with both versions named, since one process cannot hold two. Native libraries under the package's
/// <c>runtimes/&lt;rid&gt;/native</c> are found through the load context's unmanaged-library resolution.</para>
/// </remarks>
public sealed class PackageSession : IDisposable
{
    private readonly string _workingDirectory;
    private readonly PackageRestore _restore = new();
    private readonly List<(string Name, string? Version)> _requested = [];
    private readonly Dictionary<string, RestoredPackage> _restored = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, string> _assemblyFiles = new(StringComparer.OrdinalIgnoreCase); // simple name → path
    private readonly Dictionary<string, string> _nativeFiles = new(StringComparer.Ordinal); // file name → path
    private readonly Lock _gate = new();

    /// <summary>A session resolving relative <c>#i</c> folders against <paramref name="workingDirectory"/>.</summary>
    public PackageSession(string workingDirectory)
    {
        _workingDirectory = workingDirectory;
        AssemblyLoadContext.Default.Resolving += ResolveAssembly;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNativeLibrary;
    }

    /// <summary>Every package restored so far (asked for and dependencies), by id.</summary>
    public IReadOnlyCollection<RestoredPackage> Packages
    {
        get
        {
            lock (_gate)
            {
                return [.. _restored.Values];
            }
        }
    }

    /// <summary>The extra sources <c>#i</c> added, in order.</summary>
    public IReadOnlyList<string> Sources
    {
        get
        {
            lock (_gate)
            {
                return [.. _sources];
            }
        }
    }

    /// <summary>
    /// Carries out <paramref name="directives"/>: adds sources, restores the new packages (with the session's earlier
    /// ones), loads their assemblies, and returns the assemblies cells must now reference (empty when nothing new).
    /// </summary>
    /// <param name="directives">The cell's directives (<see cref="PackageDirective.Extract"/>).</param>
    /// <param name="progress">Progress and outcome lines for the cell ("Restoring X 1.0… 3 s", "Restored …").</param>
    /// <param name="cancel">Stops a running restore.</param>
    /// <exception cref="PackageRestoreException">A package or version is unknown, conflicts with one loaded, or restore
    /// failed; the session is as it was before the cell.</exception>
    public IReadOnlyList<Assembly> Apply(IReadOnlyList<PackageDirective> directives, Action<string> progress, CancellationToken cancel)
    {
        lock (_gate)
        {
            foreach (var source in directives.Where(d => d.IsSource))
            {
                var resolved = ResolveSource(source);
                if (!_sources.Contains(resolved))
                {
                    _sources.Add(resolved);
                }
            }
            var wanted = new List<PackageDirective>();
            foreach (var directive in directives.Where(d => !d.IsSource))
            {
                if (AlreadyHave(directive) is { } existing)
                {
                    progress($"{existing.Name} {existing.Version} is already loaded in this session.");
                }
                else if (!wanted.Any(w => w.Name.Equals(directive.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    wanted.Add(directive);
                }
                else
                {
                    throw new PackageRestoreException($"line {directive.Line}: {directive.Text} repeats a package this cell already asks for; keep one line per package.");
                }
            }
            if (wanted.Count == 0)
            {
                return [];
            }
            return Restore(wanted, progress, cancel);
        }
    }

    /// <summary>Stops resolving this session's assemblies and native libraries (loaded ones stay loaded) and deletes the
    /// generated restore project.</summary>
    public void Dispose()
    {
        AssemblyLoadContext.Default.Resolving -= ResolveAssembly;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll -= ResolveNativeLibrary;
        _restore.Dispose();
    }

    private IReadOnlyList<Assembly> Restore(List<PackageDirective> wanted, Action<string> progress, CancellationToken cancel)
    {
        var names = string.Join(", ", wanted.Select(w => w.Version is null ? w.Name : $"{w.Name} {w.Version}"));
        progress($"Restoring {names}…");
        var clock = Stopwatch.StartNew();
        var all = _requested.Concat(wanted.Select(w => (w.Name, w.Version))).ToList();
        IReadOnlyList<RestoredPackage> restored;
        try
        {
            restored = _restore.Restore(all, _sources, seconds => progress($"Restoring {names}… {seconds:0} s"), cancel);
        }
        catch (PackageRestoreException e)
        {
            throw new PackageRestoreException($"{string.Join(", ", wanted.Select(w => w.Text))} could not be restored:\n{e.Message}");
        }
        var byName = restored.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, earlier) in _restored)
        {
            if (byName.TryGetValue(name, out var now) && now.Version != earlier.Version)
            {
                throw new PackageRestoreException(
                    $"{string.Join(", ", wanted.Select(w => w.Text))} needs {name} {now.Version}, but this session already loaded {name} {earlier.Version}. " +
                    "A session holds one version of a package: restart the kernel and put these #r lines in the first cell.");
            }
        }
        var fresh = restored.Where(p => !_restored.ContainsKey(p.Name)).ToList();
        var assemblies = new List<Assembly>();
        var notes = new List<string>();
        foreach (var package in fresh)
        {
            foreach (var file in package.Assemblies)
            {
                assemblies.Add(Load(package, file, notes));
            }
        }
        // Commit only after everything loaded: a refused package leaves the session as it was.
        _requested.AddRange(wanted.Select(w => (w.Name, w.Version)));
        foreach (var package in fresh)
        {
            _restored[package.Name] = package;
            foreach (var native in package.NativeLibraries)
            {
                _nativeFiles.TryAdd(Path.GetFileName(native), native);
            }
        }
        var asked = wanted.Select(w => byName.TryGetValue(w.Name, out var p) ? $"{p.Name} {p.Version}" : w.Name);
        var dependencies = fresh.Count - wanted.Count;
        progress($"Restored {string.Join(", ", asked)}" + (dependencies > 0 ? $" (and {dependencies} dependencies)" : "") +
            $" in {clock.Elapsed.TotalSeconds:0.0} s." + string.Concat(notes.Select(note => "\n" + note)));
        return assemblies.Distinct().ToList();
    }

    /// <summary>The package restored earlier that <paramref name="directive"/> asks for again, or null when it is new.</summary>
    /// <exception cref="PackageRestoreException">It asks for another version than the session has.</exception>
    private RestoredPackage? AlreadyHave(PackageDirective directive)
    {
        if (!_restored.TryGetValue(directive.Name, out var existing))
        {
            return null;
        }
        var earlierRequest = _requested.FirstOrDefault(r => r.Name.Equals(directive.Name, StringComparison.OrdinalIgnoreCase));
        if (directive.Version is null || SameVersion(directive.Version, existing.Version) || directive.Version == earlierRequest.Version)
        {
            return existing;
        }
        throw new PackageRestoreException(
            $"line {directive.Line}: {directive.Text} asks for version {directive.Version}, but this session already loaded {existing.Name} {existing.Version}. " +
            "A session holds one version of a package: restart the kernel to use another.");
    }

    private static bool SameVersion(string requested, string resolved) =>
        Version.TryParse(requested, out var a) && Version.TryParse(resolved, out var b)
            ? Normalize(a) == Normalize(b)
            : string.Equals(requested.Trim(), resolved, StringComparison.OrdinalIgnoreCase);

    private static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));

    private string ResolveSource(PackageDirective source)
    {
        if (Uri.TryCreate(source.Name, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return source.Name;
        }
        var folder = Path.GetFullPath(uri?.IsFile == true ? uri.LocalPath : source.Name, _workingDirectory);
        return Directory.Exists(folder)
            ? folder
            : throw new PackageRestoreException($"line {source.Line}: {source.Text}: the folder '{folder}' does not exist. " +
                "#i takes a feed URL (https://…/index.json) or a folder of .nupkg files.");
    }

    /// <summary>The assembly for <paramref name="file"/>: the process's own copy when it has one at least as new,
    /// else the file loaded into the default context.</summary>
    private Assembly Load(RestoredPackage package, string file, List<string> notes)
    {
        var name = AssemblyName.GetAssemblyName(file);
        var simpleName = name.Name!;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default && a.GetName().Name == simpleName)
            .Select(a => (Assembly?)a).FirstOrDefault() ?? FromHost(simpleName);
        if (loaded is null)
        {
            _assemblyFiles.TryAdd(simpleName, file);
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
        }
        var have = loaded.GetName().Version ?? new Version();
        var need = name.Version ?? new Version();
        if (have < need)
        {
            throw new PackageRestoreException(
                $"{package.Name} {package.Version} brings {simpleName} {need}, but this process already runs {simpleName} {have} " +
                $"(from {loaded.Location}), and one process holds one version of an assembly. Ask for a version of {package.Name} " +
                $"built against {simpleName} {have} or older.");
        }
        if (have > need)
        {
            notes.Add($"{simpleName} {need} from {package.Name}: the workbench's {simpleName} {have} is used.");
        }
        return loaded;
    }

    /// <summary>An assembly the host ships (in its deps.json, the trusted platform assemblies) but has not loaded yet.</summary>
    private static Assembly? FromHost(string simpleName)
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        return trusted.Any(path => Path.GetFileNameWithoutExtension(path).Equals(simpleName, StringComparison.OrdinalIgnoreCase))
            ? AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(simpleName))
            : null;
    }

    private Assembly? ResolveAssembly(AssemblyLoadContext context, AssemblyName name)
    {
        lock (_gate)
        {
            return name.Name is { } simple && _assemblyFiles.TryGetValue(simple, out var file) ? context.LoadFromAssemblyPath(file) : null;
        }
    }

    // .NET asks for "onnxruntime", "libonnxruntime.so", ...: try the names Linux's loader would (native-library-loading docs).
    private IntPtr ResolveNativeLibrary(Assembly assembly, string name)
    {
        lock (_gate)
        {
            foreach (var candidate in new[] { name, $"lib{name}.so", $"{name}.so", $"lib{name}" })
            {
                if (_nativeFiles.TryGetValue(candidate, out var path) && NativeLibrary.TryLoad(path, out var handle))
                {
                    return handle;
                }
            }
            return IntPtr.Zero;
        }
    }
}

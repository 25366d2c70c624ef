using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace WeClick.Notebooks.Packages;

/// <summary>
/// Restores NuGet packages the way the SDK does, by writing a small project that references them and running
/// <c>dotnet restore</c> on it, then reading <c>obj/project.assets.json</c> (<see cref="ProjectAssets"/>).
/// </summary>
/// <remarks>
/// Why a generated project rather than NuGet's client libraries (NuGet.Protocol, NuGet.Commands): <c>dotnet restore</c>
/// is the resolver every .NET build here already trusts — it reads the machine's NuGet.Config chain (sources,
/// credentials, mirrors), applies the same dependency and framework rules, picks the runtime-specific native assets for
/// this machine's RID, and fills the same global packages folder, so a package that builds in a project loads in a
/// notebook and a second restore is served from the cache. .NET Interactive did the same (a generated project and an
/// MSBuild run). The cost is one <c>dotnet</c> process per cell that adds packages, about 2 s with a warm cache.
/// The project is net&lt;major&gt;.0 of the running runtime and the runtime's RID (e.g. net10.0, linux-x64), and imports
/// no Directory.Build.* or central package versions from the folders around it.
/// </remarks>
internal sealed partial class PackageRestore : IDisposable
{
    /// <summary>How long one restore may take before it is stopped (a dead feed otherwise retries for minutes).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "weclick-nuget-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The target framework moniker cells run under, e.g. <c>net10.0</c>.</summary>
    public static string Framework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>The runtime identifier whose native assets are picked, e.g. <c>linux-x64</c>.</summary>
    public static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

    /// <summary>Restores <paramref name="packages"/> (id and version or range; null: the latest stable) from the
    /// configured sources plus <paramref name="sources"/>, and returns every resolved package with its files.</summary>
    /// <param name="packages">All packages the session has asked for so far, so dependencies resolve together.</param>
    /// <param name="sources">Extra sources from <c>#i</c>.</param>
    /// <param name="progress">Called every second or so with the seconds elapsed.</param>
    /// <param name="cancel">Stops the restore (the process is killed).</param>
    /// <exception cref="PackageRestoreException">Restore failed; the message carries NuGet's own errors (NU1101 unknown
    /// package, NU1102 unknown version, NU1301 unreachable source...).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled.</exception>
    public IReadOnlyList<RestoredPackage> Restore(IReadOnlyList<(string Name, string? Version)> packages, IReadOnlyList<string> sources,
        Action<double> progress, CancellationToken cancel)
    {
        Directory.CreateDirectory(_folder);
        var project = Path.Combine(_folder, "notebook-packages.csproj");
        File.WriteAllText(project, ProjectText(packages, sources));
        var assets = Path.Combine(_folder, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            File.Delete(assets); // a failed restore must not leave the previous result looking current
        }

        var (exitCode, output) = RunDotnetRestore(project, progress, cancel);
        if (exitCode != 0 || !File.Exists(assets))
        {
            var errors = NuGetErrors(output);
            throw new PackageRestoreException(errors.Count > 0
                ? string.Join("\n", errors)
                : $"dotnet restore failed (exit code {exitCode}):\n{output.Trim()}");
        }
        return ProjectAssets.Read(assets, $"{Framework}/{RuntimeIdentifier}");
    }

    /// <summary>Deletes the generated project (the packages stay in NuGet's global folder).</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string ProjectText(IReadOnlyList<(string Name, string? Version)> packages, IReadOnlyList<string> sources)
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        text.AppendLine("  <!-- Written by the WeClick notebook kernel for #r \"nuget: ...\"; restored, never built. -->");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine($"    <TargetFramework>{Framework}</TargetFramework>");
        text.AppendLine($"    <RuntimeIdentifier>{RuntimeIdentifier}</RuntimeIdentifier>");
        text.AppendLine("    <OutputType>Library</OutputType>");
        text.AppendLine("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>");
        text.AppendLine("    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>");
        text.AppendLine("    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>");
        text.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        if (sources.Count > 0)
        {
            text.AppendLine($"    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>");
        }
        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var (name, version) in packages)
        {
            text.AppendLine($"    <PackageReference Include=\"{SecurityElement.Escape(name)}\" Version=\"{SecurityElement.Escape(version ?? "*")}\" />");
        }
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    private static (int ExitCode, string Output) RunDotnetRestore(string project, Action<double> progress, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "restore", project, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }
        // The kernel may run under `dotnet test` or an SDK tool whose MSBuild settings would leak into this restore.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new PackageRestoreException($"could not start '{start.FileName} restore'.");
        var output = new StringBuilder();
        void Collect(object _, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(TimeSpan.FromSeconds(1)))
        {
            if (cancel.IsCancellationRequested || clock.Elapsed > Timeout)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                cancel.ThrowIfCancellationRequested();
                throw new PackageRestoreException(
                    $"dotnet restore did not finish in {Timeout.TotalMinutes:0} minutes and was stopped; check that the NuGet sources " +
                    "(dotnet nuget list source) are reachable from this machine.");
            }
            progress(clock.Elapsed.TotalSeconds);
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>NuGet's error lines without the project path around them: "error NU1101: Unable to find package …".</summary>
    private static List<string> NuGetErrors(string output) =>
        output.Split('\n').Select(line => NuGetError().Match(line)).Where(match => match.Success)
            .Select(match => match.Groups["error"].Value.Trim()).Distinct().ToList();

    /// <summary>The <c>dotnet</c> that runs this process when it is one (DOTNET_HOST_PATH, set by the SDK), else the first
    /// on PATH, else under DOTNET_ROOT.</summary>
    private static string DotnetExecutable()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(folder => folder.Length > 0).Select(folder => Path.Combine(folder, "dotnet")));
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
        {
            candidates.Add(Path.Combine(root, "dotnet"));
        }
        return candidates.FirstOrDefault(path => path is not null && File.Exists(path))
            ?? throw new PackageRestoreException(
                "#r \"nuget: ...\" restores packages with the .NET SDK, and no 'dotnet' was found (DOTNET_HOST_PATH, PATH, DOTNET_ROOT). " +
                "Install the .NET 10 SDK as environment.md describes, or reference the assembly files with #r \"path.dll\".");
    }

    [GeneratedRegex(@"error (?<error>NU\d{4}:.*?)(\s+\[[^\]]*\])?\s*$")]
    private static partial Regex NuGetError();
}

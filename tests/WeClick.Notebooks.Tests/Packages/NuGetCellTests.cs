using System.IO.Compression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Packages;
using WeClick.Notebooks.Tests.Execution;

namespace WeClick.Notebooks.Tests.Packages;

/// <summary>
/// <c>#r "nuget:…"</c> and <c>#i "nuget:…"</c> in real cells, restored by <c>dotnet restore</c> from this machine's
/// configured NuGet sources (the packages are small or already in the global cache, so each restore takes seconds).
/// </summary>
public sealed class NuGetCellTests : IDisposable
{
    private static readonly TimeSpan RestoreLimit = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("weclick-nuget-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Package_RestoresWithProgress_RunsInTheCell_AndASecondRestoreIsANoOp()
    {
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });
        var sink = new RecordingSink();

        var outcome = await Run(executor, "#r \"nuget: Humanizer.Core, 3.0.10\"\nusing Humanizer;\n\"TourOfTheWorkbench\".Humanize()", sink);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal("Tour of the workbench", outcome.Result!.Text);
        var first = Assert.IsType<DisplayOutput>(sink.Outputs[0]);
        Assert.Equal("Restoring Humanizer.Core 3.0.10…", first.Bundle.Text);
        var last = Assert.IsType<UpdateOutput>(sink.Outputs[^1]);
        Assert.Equal(first.DisplayId, last.DisplayId);
        Assert.StartsWith("Restored Humanizer.Core 3.0.10 in ", last.Bundle.Text);
        Assert.Equal("3.0.10", Assert.Single(executor.Packages!.Packages, p => p.Name == "Humanizer.Core").Version);

        var again = new RecordingSink();
        var repeat = await Run(executor, "#r \"nuget: Humanizer.Core\"\n\"SecondCell\".Humanize()", again);

        Assert.True(repeat.Succeeded, repeat.Error?.Message);
        Assert.Equal("Second cell", repeat.Result!.Text);
        Assert.Equal("Humanizer.Core 3.0.10 is already loaded in this session.", Assert.IsType<DisplayOutput>(Assert.Single(again.Outputs)).Bundle.Text);
    }

    [Fact]
    public async Task ConflictingVersion_IsAClearError_AndTheSessionKeepsTheFirst()
    {
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });
        await Run(executor, "#r \"nuget: Humanizer.Core, 3.0.10\"");

        var conflict = await Run(executor, "#r \"nuget: Humanizer.Core, 2.14.1\"\n1");

        Assert.Equal(nameof(PackageRestoreException), conflict.Error!.Name);
        Assert.Contains("line 1: #r \"nuget: Humanizer.Core, 2.14.1\" asks for version 2.14.1, but this session already loaded Humanizer.Core 3.0.10", conflict.Error.Message);
        Assert.Contains("restart the kernel", conflict.Error.Message);
        var after = await Run(executor, "Humanizer.StringHumanizeExtensions.Humanize(\"StillHere\")");
        Assert.Equal("Still here", after.Result!.Text);
    }

    [Fact]
    public async Task UnknownPackageOrVersion_IsAnErrorNamingIt_AndTheSessionSurvives()
    {
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });
        await Run(executor, "var kept = 41;");

        var unknownPackage = await Run(executor, "#r \"nuget: WeClick.No.Such.Package.Anywhere\"\nkept");
        var unknownVersion = await Run(executor, "#r \"nuget: Humanizer.Core, 99.0.0\"\nkept");
        var survives = await Run(executor, "kept + 1");

        Assert.Equal(nameof(PackageRestoreException), unknownPackage.Error!.Name);
        Assert.Contains("NU1101", unknownPackage.Error.Message);
        Assert.Contains("WeClick.No.Such.Package.Anywhere", unknownPackage.Error.Message);
        Assert.Contains("NU1102", unknownVersion.Error!.Message);
        Assert.Contains("99.0.0", unknownVersion.Error.Message);
        Assert.Equal("42", survives.Result!.Text);
        Assert.Empty(executor.Packages!.Packages);
    }

    [Fact]
    public async Task NativeRuntimeAssets_AreFound()
    {
        // ONNX Runtime's managed API P/Invokes libonnxruntime.so, which lives under runtimes/linux-x64/native in the package.
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });

        var outcome = await Run(executor, "#r \"nuget: Microsoft.ML.OnnxRuntime, 1.32.0\"\nMicrosoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()");

        Assert.True(outcome.Succeeded, outcome.Error?.Message + "\n" + string.Join("\n", outcome.Error?.Traceback ?? []));
        Assert.Equal("1.32.0", outcome.Result!.Text);
    }

    [Fact]
    public async Task PlotlyNetCSharpAndDataAnalysis_ReuseTheWorkbenchsAssemblies()
    {
        // The workbench already ships both; the cell's chart and frame must be the very types its formatters know.
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });

        var outcome = await Run(executor, """
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            #r "nuget: Microsoft.Data.Analysis, 0.24.0"
            var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2.0 }, y: new[] { 3.0, 4.0 });
            var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.DoubleDataFrameColumn("y", new[] { 3.0, 4.0 }));
            $"{chart.GetType().Assembly.Location}|{frame.GetType().Assembly.Location}|{frame.Rows.Count}|{frame["y"][1]}"
            """);

        Assert.True(outcome.Succeeded, outcome.Error?.Message + "\n" + string.Join("\n", outcome.Error?.Traceback ?? []));
        Assert.Equal($"{typeof(Plotly.NET.GenericChart).Assembly.Location}|{typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location}|2|4",
            outcome.Result!.Text);
        Assert.Contains(executor.Packages!.Packages, p => p.Name == "Plotly.NET" && p.Version == "6.0.0");
    }

    [Fact]
    public async Task LocalSource_AddedWithHashI_ServesAPackageNoOtherSourceHas()
    {
        var id = "WeClick.Tests.Greeting" + Guid.NewGuid().ToString("N")[..8];
        var feed = Directory.CreateDirectory(Path.Combine(_directory, "feed")).FullName;
        WritePackage(feed, id);
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });
        try
        {
            var withoutSource = await Run(executor, $"#r \"nuget: {id}, 1.0.0\"");
            var withSource = await Run(executor, $"#i \"nuget: feed\"\n#r \"nuget: {id}, 1.0.0\"\nGreeting.Hello.To(\"feed\")");

            Assert.Contains("NU1101", withoutSource.Error!.Message);
            Assert.True(withSource.Succeeded, withSource.Error?.Message);
            Assert.Equal("hello feed", withSource.Result!.Text);
            Assert.Equal([feed], executor.Packages!.Sources);
        }
        finally
        {
            // Keep NuGet's global folder as it was: this package exists only for this test.
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root ? root
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), id.ToLowerInvariant());
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    [Fact]
    public async Task MissingLocalSource_IsAnErrorNamingTheFolder()
    {
        using var executor = new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = _directory });

        var outcome = await Run(executor, "#i \"nuget: no-such-feed\"");

        Assert.Contains($"the folder '{Path.Combine(_directory, "no-such-feed")}' does not exist", outcome.Error!.Message);
    }

    private static Task<CellOutcome> Run(CSharpCellExecutor executor, string code, RecordingSink? sink = null) =>
        executor.ExecuteAsync(code, sink ?? new RecordingSink(), CancellationToken.None).WaitAsync(RestoreLimit);

    /// <summary>A real .nupkg (nuspec + lib/net10.0 assembly compiled here) in <paramref name="feed"/>.</summary>
    private static void WritePackage(string feed, string id)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create("Greeting",
            [CSharpSyntaxTree.ParseText("namespace Greeting { public static class Hello { public static string To(string who) => \"hello \" + who; } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        using var package = ZipFile.Open(Path.Combine(feed, $"{id.ToLowerInvariant()}.1.0.0.nupkg"), ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(package.CreateEntry($"{id}.nuspec").Open()))
        {
            nuspec.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>1.0.0</version><authors>WeClick tests</authors><description>A test package.</description></metadata>
                </package>
                """);
        }
        using var dll = package.CreateEntry("lib/net10.0/Greeting.dll").Open();
        assembly.Position = 0;
        assembly.CopyTo(dll);
    }
}

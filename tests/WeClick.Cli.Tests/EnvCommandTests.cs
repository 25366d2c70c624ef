using System.Text.Json;

namespace WeClick.Cli.Tests;

public class EnvCommandTests
{
    [Fact]
    public void Env_ReportsVersionsAndAMeasuredThroughput()
    {
        var result = CliRunner.Run("env", "--seconds", "0.3", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;
        var engine = root.GetProperty("Engine");
        Assert.StartsWith("2.10", engine.GetProperty("LibTorchVersion").GetString()); // TorchSharp 0.107 is built on libtorch 2.10
        Assert.StartsWith("0.107", engine.GetProperty("TorchSharpVersion").GetString());
        Assert.StartsWith("4.", root.GetProperty("OpenCvVersion").GetString());
        // --threads defaults to 0 = all cores.
        Assert.Equal(Environment.ProcessorCount, engine.GetProperty("Threads").GetInt32());
        Assert.False(string.IsNullOrEmpty(engine.GetProperty("CpuCapability").GetString()));
        var conv = root.GetProperty("Conv2d");
        Assert.True(conv.GetProperty("Calls").GetInt32() >= 3);
        Assert.True(conv.GetProperty("Gflops").GetDouble() > 0.1);
    }

    [Fact]
    public void Env_ReportsTheMallocPolicy_AndItsOptOut()
    {
        var tuned = CliRunner.RunWith(CliRunner.CliDirectory, new Dictionary<string, string> { ["MALLOC_ARENA_MAX"] = "1" },
            "env", "--seconds", "0.1", "--json");
        Assert.True(tuned.ExitCode == 0, tuned.Stderr);
        using (var report = JsonDocument.Parse(tuned.Stdout))
        {
            Assert.Equal("mmap threshold 32 MiB, trim threshold 64 MiB; MALLOC_ARENA_MAX=1", report.RootElement.GetProperty("Engine").GetProperty("MallocPolicy").GetString());
        }
        var defaults = CliRunner.RunWith(CliRunner.CliDirectory, new Dictionary<string, string> { ["WECLICK_MALLOC_DEFAULTS"] = "1" },
            "env", "--seconds", "0.1", "--json");
        Assert.True(defaults.ExitCode == 0, defaults.Stderr);
        using (var report = JsonDocument.Parse(defaults.Stdout))
        {
            Assert.StartsWith("glibc's default thresholds (WECLICK_MALLOC_DEFAULTS=1); ", report.RootElement.GetProperty("Engine").GetProperty("MallocPolicy").GetString());
        }
    }

    [Fact]
    public void Env_HonoursTheThreadsOption()
    {
        var result = CliRunner.Run("env", "--seconds", "0.1", "--threads", "2", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, report.RootElement.GetProperty("Engine").GetProperty("Threads").GetInt32());
    }

    [Fact]
    public void Env_RejectsANonPositiveDurationInOneLine()
    {
        var result = CliRunner.Run("env", "--seconds", "-1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("weclick: --seconds must be in (0, 600]; got -1.", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("env", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "engine", "--help")]
    [InlineData("bench", "models", "--help")]
    [InlineData("experiments", "--help")]
    [InlineData("runs", "sweeps", "--help")]
    public void Help_DescribesTheCommand(params string[] arguments)
    {
        var result = CliRunner.Run(arguments);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(arguments.Length > 1 ? arguments[^2] : "env", result.Stdout);
        Assert.Contains("Usage:", result.Stdout);
    }

    [Fact]
    public void MissingNativeLibrary_GivesAClearMessageNamingTheSetUpCommand()
    {
        var copy = Directory.CreateTempSubdirectory("weclick-nolib-").FullName;
        try
        {
            // Everything but our shim, TorchSharp's natives under runtimes/ included.
            foreach (var file in Directory.GetFiles(CliRunner.CliDirectory, "*", SearchOption.AllDirectories))
            {
                if (Path.GetFileName(file) != "libweclick_native.so")
                {
                    var target = Path.Combine(copy, Path.GetRelativePath(CliRunner.CliDirectory, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }
            var result = CliRunner.RunIn(copy, "env", "--seconds", "0.1");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("libweclick_native.so", result.Stderr);
            Assert.Contains("not found", result.Stderr);
            Assert.Contains("scripts/setup.sh", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr); // a message, not a stack trace
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

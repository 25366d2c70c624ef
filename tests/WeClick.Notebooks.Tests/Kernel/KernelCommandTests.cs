using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Tests.Kernel;

/// <summary>The built <c>weclick kernel</c> command in a child process, checked with Debian's <c>jupyter kernelspec</c>.</summary>
public sealed class KernelCommandTests
{
    private static string CliExecutable => Platform.JupyterStack.CliExecutable;

    private static KernelFixtures.ProcessResult Weclick(params string[] arguments) =>
        KernelFixtures.Run(CliExecutable, arguments, TimeSpan.FromMinutes(1));

    private static JsonObject JupyterKernelspecs(string prefix)
    {
        var result = KernelFixtures.Run("/usr/bin/jupyter", ["kernelspec", "list", "--json"], TimeSpan.FromMinutes(1), new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(prefix, "data"),
        });
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!["kernelspecs"]!.AsObject();
    }

    [Fact]
    public void InstallWithPrefix_WritesKernelJsonThatJupyterLists_RemoveDeletesIt()
    {
        var prefix = KernelFixtures.TempFolder();
        var install = Weclick("kernel", "install", "--prefix", prefix);
        Assert.True(install.ExitCode == 0, install.Stderr);

        var folder = Path.Combine(prefix, "share", "jupyter", "kernels", "weclick-csharp");
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        Assert.Equal([CliExecutable, "kernel", "start", "--connection-file", "{connection_file}"], spec["argv"]!.AsArray().Select(a => (string)a!).ToArray());
        Assert.Equal("C# (WeClick)", (string)spec["display_name"]!);
        Assert.Equal("csharp", (string)spec["language"]!);
        Assert.Equal("message", (string)spec["interrupt_mode"]!);
        Assert.Equal("1", (string)spec["env"]!["MALLOC_ARENA_MAX"]!);

        var listed = JupyterKernelspecs(prefix);
        Assert.True(listed.ContainsKey("weclick-csharp"), listed.ToJsonString());
        Assert.Equal(folder, (string)listed["weclick-csharp"]!["resource_dir"]!);
        Assert.Equal("message", (string)listed["weclick-csharp"]!["spec"]!["interrupt_mode"]!);

        var remove = Weclick("kernel", "remove", "--prefix", prefix);
        Assert.True(remove.ExitCode == 0, remove.Stderr);
        Assert.False(Directory.Exists(folder));
        Assert.False(JupyterKernelspecs(prefix).ContainsKey("weclick-csharp"));

        var again = Weclick("kernel", "remove", "--prefix", prefix);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal($"weclick: no kernelspec 'weclick-csharp' is installed at '{folder}'.", again.Stderr.Trim());
        Directory.Delete(prefix, recursive: true);
    }

    [Fact]
    public void InstallUser_UsesJupyterDataDirAndName()
    {
        var data = KernelFixtures.TempFolder();
        var install = KernelFixtures.Run(CliExecutable, ["kernel", "install", "--user", "--name", "weclick-test"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = data });
        Assert.True(install.ExitCode == 0, install.Stderr);
        Assert.True(File.Exists(Path.Combine(data, "kernels", "weclick-test", "kernel.json")));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public void Install_RejectsTwoLocationsAndBadNames()
    {
        var both = Weclick("kernel", "install", "--user", "--prefix", "/tmp/never-written");
        Assert.Equal(2, both.ExitCode);
        Assert.Equal("weclick: choose one of --user, --sys-prefix and --prefix.", both.Stderr.Trim());
        var badName = Weclick("kernel", "install", "--prefix", "/tmp/never-written", "--name", "../escape");
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("kernel name '../escape' is invalid", badName.Stderr);
        Assert.False(Directory.Exists("/tmp/never-written"));
    }

    [Fact]
    public void Start_WithMissingOrBadConnectionFile_FailsWithOneLineAndExitCode2()
    {
        var folder = KernelFixtures.TempFolder();
        var missing = Path.Combine(folder, "absent.json");
        var result = Weclick("kernel", "start", "--connection-file", missing);
        Assert.True(result.ExitCode == 2, result.Stderr);
        Assert.Equal($"weclick: connection file '{missing}' does not exist.", result.Stderr.Trim());

        var noKey = Path.Combine(folder, "no-port.json");
        File.WriteAllText(noKey, """{"ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "key": ""}""");
        result = Weclick("kernel", "start", "--connection-file", noKey);
        Assert.True(result.ExitCode == 2, result.Stderr);
        Assert.Equal($"weclick: connection file '{noKey}' has no 'hb_port'.", result.Stderr.Trim());
        Directory.Delete(folder, recursive: true);
    }
}

using System.Text.Json.Nodes;
using WeClick.Notebooks.Tests.Kernel;

namespace WeClick.Notebooks.Tests.Platform;

/// <summary>
/// The real Jupyter stack around the built workbench: the <c>weclick</c> command, our kernelspec installed into a private
/// prefix (so the machine's own Jupyter set-up is never touched), and Debian's jupyter, nbconvert and chromium.
/// </summary>
internal sealed class JupyterStack : IDisposable
{
    public JupyterStack()
    {
        Prefix = KernelFixtures.TempFolder();
        var install = Weclick(["kernel", "install", "--prefix", Prefix], TimeSpan.FromMinutes(1));
        Assert.True(install.ExitCode == 0, install.Stderr);
    }

    /// <summary>The private prefix holding share/jupyter/kernels/weclick-csharp.</summary>
    public string Prefix { get; }

    /// <summary>The repository root (above the test assembly).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "WeClick.Research.sln")))
            {
                root = root.Parent;
            }
            Assert.NotNull(root);
            return root.FullName;
        }
    }

    /// <summary>The built CLI (same configuration as the tests): src/WeClick.Cli/bin/&lt;Configuration&gt;/net10.0, or in a
    /// build slot (<c>-p:WeClickBuildSlot=NAME</c>: build/slots/NAME/bin/&lt;Project&gt;/&lt;Configuration&gt;/net10.0) the slot's.</summary>
    public static string CliExecutable
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent!.Name;
            var slotBin = here.Parent.Parent?.Parent;
            if (slotBin is { Name: "bin" } && slotBin.Parent?.Parent is { Name: "slots" })
            {
                return Path.Combine(slotBin.FullName, "WeClick.Cli", configuration, "net10.0", "weclick");
            }
            return Path.Combine(RepositoryRoot, "src", "WeClick.Cli", "bin", configuration, "net10.0", "weclick");
        }
    }

    /// <summary>The environment Jupyter tools run with: our kernelspec first, nothing from the user's Jupyter folders.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(Prefix, "data"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(Prefix, "config"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Prefix, "runtime"),
        ["JUPYTER_PLATFORM_DIRS"] = "1",
        ["MALLOC_ARENA_MAX"] = "1",
    };

    /// <summary>Runs the workbench command.</summary>
    public static KernelFixtures.ProcessResult Weclick(IEnumerable<string> arguments, TimeSpan timeout) =>
        KernelFixtures.Run(CliExecutable, arguments, timeout, new Dictionary<string, string> { ["NO_COLOR"] = "1", ["MALLOC_ARENA_MAX"] = "1" });

    /// <summary>Runs a Jupyter command (<c>/usr/bin/jupyter …</c>) with <see cref="Environment"/>.</summary>
    public KernelFixtures.ProcessResult Jupyter(IEnumerable<string> arguments, TimeSpan timeout) =>
        KernelFixtures.Run("/usr/bin/jupyter", arguments, timeout, Environment);

    /// <summary>Runs Debian's python3 on a script next to the test assembly, with <see cref="Environment"/>.</summary>
    public KernelFixtures.ProcessResult Python(string script, IEnumerable<string> arguments, TimeSpan timeout) =>
        KernelFixtures.Run(KernelFixtures.Python, [Path.Combine(AppContext.BaseDirectory, script), .. arguments], timeout, Environment);

    /// <summary>A notebook's outputs as a comparable value: per code cell its count and outputs, consecutive streams merged, metadata dropped.</summary>
    public static JsonArray Outputs(string notebookPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var cells = new JsonArray();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code")
            {
                continue;
            }
            var outputs = new JsonArray();
            foreach (var output in cell["outputs"]!.AsArray())
            {
                var copy = output!.DeepClone().AsObject();
                copy.Remove("metadata");
                if ((string?)copy["output_type"] == "stream")
                {
                    copy["text"] = Joined(copy["text"]);
                    if (outputs.Count > 0 && outputs[^1] is JsonObject previous && (string?)previous["output_type"] == "stream"
                        && (string?)previous["name"] == (string?)copy["name"])
                    {
                        previous["text"] = (string?)previous["text"] + (string?)copy["text"];
                        continue;
                    }
                }
                if (copy["data"] is JsonObject data)
                {
                    foreach (var key in data.Select(p => p.Key).ToList())
                    {
                        if (data[key] is JsonArray lines)
                        {
                            data[key] = Joined(lines);
                        }
                    }
                }
                outputs.Add(copy);
            }
            cells.Add(new JsonObject { ["source"] = Joined(cell["source"]), ["execution_count"] = cell["execution_count"]?.DeepClone(), ["outputs"] = outputs });
        }
        return cells;
    }

    private static string Joined(JsonNode? text) =>
        text is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)text ?? "";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Prefix, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that failed a test may still hold a runtime file; the temp folder is cleaned by the OS.
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeClick.Serialization;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// The Jupyter kernelspec (<c>kernels/weclick-csharp/kernel.json</c>) that makes Jupyter start this kernel
/// (jupyter-client docs, "Kernel specs"): the command line, display name, language, interrupt by message, environment.
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernelspec's default folder name, which notebooks name in <c>metadata.kernelspec.name</c>.</summary>
    public const string DefaultName = "weclick-csharp";

    /// <summary>The name Jupyter's launcher and kernel menus show.</summary>
    public const string DisplayName = "C# (WeClick)";

    /// <summary>
    /// kernel.json for a kernel started by <paramref name="launcher"/> (the executable, and for <c>dotnet weclick.dll</c>
    /// also the assembly) followed by <c>kernel start --connection-file {connection_file}</c>.
    /// </summary>
    public static JsonObject KernelJson(IReadOnlyList<string> launcher)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        if (launcher.Count == 0)
        {
            throw new ArgumentException("the launcher needs at least the executable.", nameof(launcher));
        }
        var argv = new JsonArray();
        foreach (var part in launcher.Concat(["kernel", "start", "--connection-file", "{connection_file}"]))
        {
            argv.Add(part);
        }
        return new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = DisplayName,
            ["language"] = "csharp",
            ["interrupt_mode"] = "message",
            // One malloc arena, as a Python process effectively has: libtorch runs up to ~15 % faster (environment.md, "Speed").
            ["env"] = new JsonObject { ["MALLOC_ARENA_MAX"] = "1" },
            ["metadata"] = new JsonObject { ["debugger"] = false, ["implementation"] = KernelInfo.Implementation },
        };
    }

    /// <summary>
    /// The command that starts this process again: <see cref="Environment.ProcessPath"/>, plus the entry assembly when
    /// the process is the <c>dotnet</c> host running <c>weclick.dll</c>.
    /// </summary>
    public static IReadOnlyList<string> CurrentLauncher()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running executable is unknown.");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
            {
                throw new InvalidOperationException("running under 'dotnet' but the entry assembly's path is unknown.");
            }
            return [process, entry];
        }
        return [process];
    }

    /// <summary>The per-user kernels folder: $JUPYTER_DATA_DIR/kernels, else $XDG_DATA_HOME/jupyter/kernels, else ~/.local/share/jupyter/kernels.</summary>
    public static string UserKernelsFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data)
        {
            return Path.Combine(data, "kernels");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var share = xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(share, "jupyter", "kernels");
    }

    /// <summary>&lt;prefix&gt;/share/jupyter/kernels.</summary>
    public static string PrefixKernelsFolder(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
    }

    /// <summary>The kernels folder of the Python environment on PATH: <c>sys.prefix</c>/share/jupyter/kernels.</summary>
    /// <exception cref="InvalidOperationException">python3 could not be run or did not answer.</exception>
    public static string SysPrefixKernelsFolder()
    {
        var start = new ProcessStartInfo("python3", ["-c", "import sys; print(sys.prefix)"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var python = Process.Start(start) ?? throw new InvalidOperationException("--sys-prefix: could not start python3.");
            var output = python.StandardOutput.ReadToEndAsync();
            if (!python.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                python.Kill();
                throw new InvalidOperationException("--sys-prefix: python3 did not print sys.prefix within 30 s.");
            }
            var prefix = output.Result.Trim();
            if (python.ExitCode != 0 || prefix.Length == 0)
            {
                throw new InvalidOperationException($"--sys-prefix: python3 failed (exit code {python.ExitCode}): {python.StandardError.ReadToEnd().Trim()}");
            }
            return PrefixKernelsFolder(prefix);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"--sys-prefix needs python3 on PATH: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="name"/>/kernel.json under <paramref name="kernelsFolder"/> (atomically); returns the kernelspec folder.</summary>
    public static string Install(string kernelsFolder, string name, IReadOnlyList<string> launcher)
    {
        var folder = SpecFolder(kernelsFolder, name);
        Directory.CreateDirectory(folder);
        var json = KernelJson(launcher).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.Write(Path.Combine(folder, "kernel.json"), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(json + "\n")));
        return folder;
    }

    /// <summary>Deletes the kernelspec folder <paramref name="name"/> under <paramref name="kernelsFolder"/>; returns it.</summary>
    /// <exception cref="DirectoryNotFoundException">No such kernelspec is installed there (the message names the path).</exception>
    public static string Remove(string kernelsFolder, string name)
    {
        var folder = SpecFolder(kernelsFolder, name);
        if (!File.Exists(Path.Combine(folder, "kernel.json")))
        {
            throw new DirectoryNotFoundException($"no kernelspec '{name}' is installed at '{folder}'.");
        }
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    private static string SpecFolder(string kernelsFolder, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(kernelsFolder);
        // Jupyter accepts kernel names of ASCII letters, digits, '-', '.' and '_' (jupyter_client kernelspec.py).
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') || name is "." or "..")
        {
            throw new ArgumentException($"kernel name '{name}' is invalid: use ASCII letters, digits, '-', '.' and '_'.", nameof(name));
        }
        return Path.Combine(Path.GetFullPath(kernelsFolder), name);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Tests.Kernel;

/// <summary>Connection files on free local ports, and Debian's python3 (with jupyter_client and pyzmq) to drive a kernel.</summary>
internal static class KernelFixtures
{
    /// <summary>Debian's interpreter, which has python3-jupyter-client and python3-zmq.</summary>
    public const string Python = "/usr/bin/python3";

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Writes a connection file with five free ports on 127.0.0.1 and a random key into <paramref name="folder"/>.</summary>
    public static string WriteConnectionFile(string folder, string? key = null)
    {
        var path = Path.Combine(folder, "kernel-test.json");
        var json = new JsonObject
        {
            ["transport"] = "tcp",
            ["ip"] = "127.0.0.1",
            ["shell_port"] = FreePort(),
            ["iopub_port"] = FreePort(),
            ["stdin_port"] = FreePort(),
            ["control_port"] = FreePort(),
            ["hb_port"] = FreePort(),
            ["key"] = key ?? Guid.NewGuid().ToString(),
            ["signature_scheme"] = "hmac-sha256",
            ["kernel_name"] = "weclick-csharp",
        };
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "weclick-kernel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <paramref name="file"/> with arguments and environment, killing it after <paramref name="timeout"/>.</summary>
    public static ProcessResult Run(string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // pydevd's frozen-modules warning on stderr is noise in assertion messages.
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds} s; stderr: {stderr.Result}");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

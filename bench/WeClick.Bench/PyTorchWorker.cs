using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WeClick.Engine;

namespace WeClick.Benchmarks;

/// <summary>
/// A persistent python3-torch process running a benchmark script that answers one JSON line per
/// command line, so that C# and PyTorch measurements can alternate within one run.
/// </summary>
public sealed class PyTorchWorker : IDisposable
{
    /// <summary>What the two sides' oneDNN kernels are, for a table's footer.</summary>
    public static string OneDnnSides =>
        TorchEngine.OneDnnLimitSetByWorkbench
            ? $"oneDNN: C# limited to {TorchEngine.OneDnnSafeIsa} (the AMD workaround), PyTorch at its default kernels"
            : Environment.GetEnvironmentVariable(TorchEngine.OneDnnIsaVariable) is { Length: > 0 } isa
                ? $"oneDNN: {TorchEngine.OneDnnIsaVariable}={isa} on both sides"
                : "oneDNN: default kernels on both sides";

    private readonly Process _process;

    /// <summary>Starts <paramref name="script"/> with <paramref name="python"/> (Debian's python3 by default).</summary>
    /// <exception cref="InvalidOperationException">Python or torch is missing; the message says how to install them.</exception>
    public PyTorchWorker(string script, string? python = null)
    {
        Python = python ?? DefaultPython;
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"The PyTorch benchmark script {script} is missing; rebuild the solution.", script);
        }
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        // The protocol runs on the worker's stdout, where oneDNN writes its verbose lines: a profile of the C# side
        // (ONEDNN_VERBOSE, bench/profile/profile-train-step.sh) must not reach the Python side.
        start.Environment.Remove("ONEDNN_VERBOSE");
        start.Environment.Remove("DNNL_VERBOSE");
        // The baseline is python3-torch as its users run it. The SSE41 limit the workbench puts on oneDNN (AMD CPUs) is for
        // libtorch 2.10's wrong kernels; python3-torch 1.13's oneDNN 2.6 is right at full speed, and inheriting the limit
        // made it 5x slower on the DeepLabV3+ R18 step (bench/profile). A limit the user set is kept on both sides.
        if (TorchEngine.OneDnnLimitSetByWorkbench)
        {
            start.Environment.Remove(TorchEngine.OneDnnIsaVariable);
        }
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {Python} ({e.Message}). Install python3-torch (./scripts/setup.sh) or set WECLICK_PYTHON.", e);
        }
    }

    /// <summary>$WECLICK_PYTHON, else Debian's /usr/bin/python3 (whose torch uses the same libtorch).</summary>
    public static string DefaultPython =>
        Environment.GetEnvironmentVariable("WECLICK_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>The interpreter in use.</summary>
    public string Python { get; }

    /// <summary>Sends one command line and parses the JSON answer.</summary>
    /// <exception cref="InvalidOperationException">The worker died or answered with an error.</exception>
    public JsonElement Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine();
        if (line is null)
        {
            var error = _process.StandardError.ReadToEnd();
            throw new InvalidOperationException($"The PyTorch worker ({Python}) exited during '{command}'. Is python3-torch installed (./scripts/setup.sh)?\n{error}");
        }
        using var answer = JsonDocument.Parse(line);
        if (answer.RootElement.TryGetProperty("error", out var message))
        {
            throw new InvalidOperationException($"The PyTorch worker rejected '{command}': {message.GetString()}");
        }
        return answer.RootElement.Clone();
    }

    /// <summary>Sends a command whose answer has a "seconds" list and returns it.</summary>
    public double[] Times(string command, int argument) =>
        Ask(string.Create(CultureInfo.InvariantCulture, $"{command} {argument}")).GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (IOException)
        {
            // The worker is already gone.
        }
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace WeClick.Testing;

/// <summary>
/// Runs a reference script with Debian's python3-torch (libtorch 1.13; TorchSharp brings libtorch 2.10) and loads
/// the tensors it writes (see refio.py), so that tests compare C# results with PyTorch's.
/// </summary>
internal static class PyTorchReference
{
    /// <summary>The interpreter with torch installed: $WECLICK_PYTHON, else Debian's /usr/bin/python3.</summary>
    public static string Python =>
        Environment.GetEnvironmentVariable("WECLICK_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>The folder holding the reference scripts (copied next to the test assembly).</summary>
    public static string ScriptDirectory => Path.Combine(AppContext.BaseDirectory, "Reference");

    /// <summary>Runs <paramref name="script"/> (in Reference/) with extra arguments; returns stdout; throws with stderr on failure.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ScriptDirectory,
        };
        start.ArgumentList.Add(Path.Combine(ScriptDirectory, script));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        // Same threading on both sides, so that reductions accumulate in the same order.
        start.Environment["OMP_NUM_THREADS"] = torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within 5 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Python} {script} failed with exit code {process.ExitCode} (is python3-torch installed? run ./scripts/setup.sh):\n{stderr.Result}");
        }
        return stdout.Result;
    }

    /// <summary>Runs a script that writes tensors to a fresh folder and loads them.</summary>
    public static Dictionary<string, Tensor> Generate(string script, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("weclick-ref-").FullName;
        try
        {
            Run(script, [folder, .. arguments]);
            return ReferenceData.Load(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Reads and writes the manifest + raw .bin folders of refio.py.</summary>
internal static class ReferenceData
{
    private static readonly Dictionary<string, ScalarType> s_dtypes = new()
    {
        ["float32"] = ScalarType.Float32, ["float64"] = ScalarType.Float64, ["float16"] = ScalarType.Float16,
        ["bfloat16"] = ScalarType.BFloat16, ["int64"] = ScalarType.Int64, ["int32"] = ScalarType.Int32,
        ["uint8"] = ScalarType.Byte, ["bool"] = ScalarType.Bool, ["int8"] = ScalarType.Int8, ["int16"] = ScalarType.Int16,
    };

    public static Dictionary<string, Tensor> Load(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var result = new Dictionary<string, Tensor>();
        foreach (var entry in manifest.RootElement.EnumerateObject())
        {
            var dtype = s_dtypes[entry.Value.GetProperty("dtype").GetString()!];
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var bytes = File.ReadAllBytes(Path.Combine(folder, entry.Value.GetProperty("file").GetString()!));
            var t = torch.empty(shape, dtype).DetachFromDisposeScope();
            if (bytes.Length > 0)
            {
                t.bytes = bytes;
            }
            result[entry.Name] = t;
        }
        return result;
    }

    public static void Save(string folder, IReadOnlyDictionary<string, Tensor> tensors)
    {
        Directory.CreateDirectory(folder);
        var manifest = new Dictionary<string, object>();
        var i = 0;
        foreach (var (name, tensor) in tensors)
        {
            using var scope = torch.NewDisposeScope();
            var t = tensor.detach().cpu().contiguous();
            var file = $"t{i++:D5}.bin";
            File.WriteAllBytes(Path.Combine(folder, file), t.bytes.ToArray());
            manifest[name] = new { dtype = s_dtypes.First(p => p.Value == t.dtype).Key, shape = t.shape, file };
        }
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest));
    }
}

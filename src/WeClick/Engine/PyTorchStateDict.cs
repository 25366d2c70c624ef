using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace WeClick.Engine;

/// <summary>
/// Reads PyTorch's pickled state dicts (<c>torch.save(model.state_dict(), "x.pth")</c>: <c>.pt</c>, <c>.pth</c>,
/// <c>.bin</c>) through TorchSharp.PyBridge's unpickler, for <see cref="ModuleWeights.LoadStateDictStrict"/>.
/// </summary>
/// <remarks>
/// This is where PyBridge serves: it implements PyTorch's zip + pickle format, which we do not. Its
/// <c>Module.load_py</c> is not used because it skips the shape check (it writes the file's bytes through
/// <c>as_strided</c> into whatever the parameter is) and reports only "not identical" without the keys.
/// Only the zip format of PyTorch ≥ 1.6 is readable (PyBridge's limit); a legacy file gets a clear error.
/// </remarks>
public static class PyTorchStateDict
{
    /// <summary>
    /// The tensors of a pickled state dict, by name, on the CPU (in the current dispose scope).
    /// </summary>
    /// <param name="path">The file <c>torch.save</c> wrote.</param>
    /// <param name="entry">For a checkpoint that nests the state dict (<c>{"state_dict": {...}, "epoch": 3}</c>),
    /// the top-level key holding it; null when the file is the state dict itself.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip-format PyTorch pickle, or holds something other than
    /// a name → tensor map (the message names the file and lists its top-level keys).</exception>
    public static Dictionary<string, Tensor> Read(string path, string? entry = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Could not find file '{path}'.", path);
        }
        Hashtable root;
        try
        {
            using var stream = File.OpenRead(path);
            root = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is NotImplementedException or InvalidDataException or InvalidCastException
                                      or InvalidOperationException or Razorvine.Pickle.PickleException or ArgumentException)
        {
            throw new InvalidDataException($"'{path}' is not a PyTorch state dict that can be read here (torch.save's zip format): {e.Message}", e);
        }
        var table = root;
        if (entry is not null)
        {
            table = root[entry] as Hashtable
                ?? throw new InvalidDataException($"'{path}' has no state dict under the key '{entry}'; its top-level keys are: {Keys(root)}.");
        }
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in table)
        {
            if (e.Key is not string name || e.Value is not Tensor tensor)
            {
                throw new InvalidDataException(
                    $"'{path}'{(entry is null ? "" : $" (key '{entry}')")} is not a name → tensor map: '{e.Key}' holds {e.Value?.GetType().Name ?? "null"}" +
                    $" (for a nested checkpoint pass the key of its state dict; top-level keys: {Keys(root)}).");
            }
            result[name] = tensor;
        }
        return result;
    }

    private static string Keys(Hashtable table) => string.Join(", ", table.Keys.Cast<object>().Select(k => $"'{k}'").Order(StringComparer.Ordinal));
}

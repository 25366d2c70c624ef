using System.Text;

namespace WeClick.Torch;

/// <summary>
/// A state dict that does not fit a module: every missing key, unexpected key, shape mismatch and dtype
/// mismatch, all in one message (PyTorch's "Error(s) in loading state_dict for ...").
/// </summary>
public sealed class StateDictException : ArgumentException
{
    /// <summary>Creates the exception; the message lists every problem by name.</summary>
    public StateDictException(string module, IReadOnlyList<string> missingKeys, IReadOnlyList<string> unexpectedKeys, IReadOnlyList<string> mismatches)
        : base(Format(module, missingKeys, unexpectedKeys, mismatches), "state_dict")
    {
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        Mismatches = mismatches;
    }

    /// <summary>Keys the module has but the state dict lacks.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Keys the state dict has but the module lacks.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>One line per shape or dtype mismatch, naming the key with expected and found values.</summary>
    public IReadOnlyList<string> Mismatches { get; }

    private static string Format(string module, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatches)
    {
        var text = new StringBuilder($"Error(s) in loading state_dict for {module}:");
        if (missing.Count > 0)
        {
            text.Append("\n\tMissing key(s) in state_dict: ").Append(string.Join(", ", missing.Select(k => $"\"{k}\""))).Append('.');
        }
        if (unexpected.Count > 0)
        {
            text.Append("\n\tUnexpected key(s) in state_dict: ").Append(string.Join(", ", unexpected.Select(k => $"\"{k}\""))).Append('.');
        }
        foreach (var m in mismatches)
        {
            text.Append("\n\t").Append(m);
        }
        return text.ToString();
    }
}

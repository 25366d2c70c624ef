using System.Text;

namespace WeClick.Engine;

/// <summary>
/// A state dict that does not fit a module: every missing key, unexpected key, shape mismatch and dtype
/// mismatch, all in one message (PyTorch's "Error(s) in loading state_dict for ...").
/// </summary>
public sealed class StateDictException : ArgumentException
{
    /// <summary>Creates the exception; the message lists every problem by name.</summary>
    /// <param name="context">What was being loaded, from where (e.g. <c>Segmentor from 'run/best.safetensors'</c>).</param>
    /// <param name="missingKeys">Keys the module has but the state dict lacks.</param>
    /// <param name="unexpectedKeys">Keys the state dict has but the module lacks.</param>
    /// <param name="mismatches">One line per shape or dtype mismatch, naming the key with expected and found values.</param>
    public StateDictException(string context, IReadOnlyList<string> missingKeys, IReadOnlyList<string> unexpectedKeys, IReadOnlyList<string> mismatches)
        : base(Format(context, missingKeys, unexpectedKeys, mismatches), "state_dict")
    {
        Context = context;
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        Mismatches = mismatches;
    }

    /// <summary>What was being loaded, from where.</summary>
    public string Context { get; }

    /// <summary>Keys the module has but the state dict lacks.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Keys the state dict has but the module lacks.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>One line per shape or dtype mismatch, naming the key with expected and found values.</summary>
    public IReadOnlyList<string> Mismatches { get; }

    private static string Format(string context, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatches)
    {
        var text = new StringBuilder($"Error(s) in loading state_dict for {context}:");
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

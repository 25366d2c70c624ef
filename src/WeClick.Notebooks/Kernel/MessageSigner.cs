using System.Security.Cryptography;
using System.Text;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// HMAC-SHA256 message signatures as jupyter-client's <c>Session.sign</c> computes them: the lowercase hex digest over
/// the header, parent header, metadata and content frames, in that order, exactly as sent (buffers are not signed).
/// With an empty key, messages are neither signed nor checked (the signature frame is empty), as the spec allows.
/// Thread-safe.
/// </summary>
public sealed class MessageSigner
{
    /// <summary>How many recent signatures are remembered to reject a replayed message (ipykernel keeps a similar history).</summary>
    public const int ReplayHistory = 4096;

    private readonly byte[] _key;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>A signer for <paramref name="key"/> (the connection file's key, used as its UTF-8 bytes).</summary>
    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key ?? throw new ArgumentNullException(nameof(key)));

    /// <summary>True when a key is set and messages are signed and checked.</summary>
    public bool Enabled => _key.Length > 0;

    /// <summary>The signature of the four parts (header, parent header, metadata, content); empty when no key is set.</summary>
    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return "";
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>
    /// Checks <paramref name="signature"/> against the parts in constant time and against recently seen signatures.
    /// Returns null when the message is accepted, else the reason ("missing signature", "bad signature", "replayed signature").
    /// </summary>
    public string? Check(byte[] signature, IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return null;
        }
        if (signature.Length == 0)
        {
            return "missing signature";
        }
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return "bad signature";
        }
        var text = Encoding.ASCII.GetString(signature);
        lock (_seen)
        {
            if (!_seen.Add(text))
            {
                return "replayed signature";
            }
            _order.Enqueue(text);
            if (_order.Count > ReplayHistory)
            {
                _seen.Remove(_order.Dequeue());
            }
        }
        return null;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// The Jupyter wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content,
/// buffers…]</c> (jupyter-client docs, "The Wire Protocol"). Decoding checks the signature over the frames exactly as
/// received, before any JSON is parsed.
/// </summary>
public static class JupyterWire
{
    /// <summary>The frame that separates routing identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>Frames for <paramref name="message"/>, signed with <paramref name="signer"/>.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signer);
        byte[][] parts =
        [
            Serialize(message.Header), Serialize(message.ParentHeader), Serialize(message.Metadata), Serialize(message.Content),
        ];
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Parses <paramref name="frames"/>; a message that is malformed or badly signed is a <see cref="MalformedMessageException"/>.</summary>
    public static JupyterMessage Decode(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(signer);
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0)
        {
            throw new MalformedMessageException("no <IDS|MSG> delimiter");
        }
        if (frames.Count - delimiter - 1 < 5)
        {
            throw new MalformedMessageException($"too few frames ({frames.Count - delimiter - 1} after the delimiter; 5 needed)");
        }
        var signature = frames[delimiter + 1];
        var parts = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        if (signer.Check(signature, parts) is { } rejection)
        {
            throw new MalformedMessageException(rejection);
        }
        var header = Parse(parts[0], "header");
        if (header["msg_type"] is not JsonValue type || !type.TryGetValue<string>(out _))
        {
            throw new MalformedMessageException("header has no msg_type");
        }
        return new JupyterMessage(
            frames.Take(delimiter).ToArray(), header, Parse(parts[1], "parent_header"), Parse(parts[2], "metadata"),
            Parse(parts[3], "content"), frames.Skip(delimiter + 6).ToArray());
    }

    /// <summary>The ISO 8601 timestamp with time zone Jupyter headers carry, e.g. <c>2026-01-02T03:04:05.678901Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // As Python's json writes it (1.0 stays a float, not the int 1 System.Text.Json would write), so that a frontend that
    // stores our outputs — nbclient writing a notebook — keeps the same values the headless runner writes.
    private static byte[] Serialize(JsonObject value) => Encoding.UTF8.GetBytes(PythonJson.Serialize(value));

    private static JsonObject Parse(byte[] frame, string part)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new MalformedMessageException($"{part} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new MalformedMessageException($"{part} is not valid JSON ({e.Message})");
        }
    }
}

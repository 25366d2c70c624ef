using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// One Jupyter message (messaging spec 5.3): the ZeroMQ routing identities it came with (or goes to), its four JSON
/// dictionaries and any binary buffers.
/// </summary>
/// <param name="Identities">ROUTER identities before the <c>&lt;IDS|MSG&gt;</c> delimiter (for iopub: the topic).</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this answers, or an empty object.</param>
/// <param name="Metadata">Message metadata (usually empty).</param>
/// <param name="Content">The message body.</param>
/// <param name="Buffers">Extra binary frames after the content.</param>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The header's msg_type, or empty when absent.</summary>
    public string MessageType => Header["msg_type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : "";

    /// <summary>A string field of the content, or <paramref name="fallback"/> when absent or not a string.</summary>
    public string ContentString(string name, string fallback = "") =>
        Content[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;

    /// <summary>A boolean field of the content, or <paramref name="fallback"/> when absent or not a boolean.</summary>
    public bool ContentBool(string name, bool fallback) =>
        Content[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    /// <summary>An integer field of the content, or <paramref name="fallback"/> when absent or not an integer.</summary>
    public int ContentInt(string name, int fallback) =>
        Content[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : fallback;
}

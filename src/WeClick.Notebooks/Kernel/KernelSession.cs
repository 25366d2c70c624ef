using System.Text;
using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Kernel;

/// <summary>Builds the kernel's outgoing messages: one session id for the kernel's life, fresh msg_ids, parents linked.</summary>
public sealed class KernelSession
{
    /// <summary>The username the kernel's headers carry.</summary>
    public const string UserName = "kernel";

    /// <summary>This kernel's session id (a UUID).</summary>
    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>A reply or notice of <paramref name="messageType"/> to <paramref name="parent"/> (null: no parent), routed to <paramref name="identities"/>.</summary>
    public JupyterMessage Create(string messageType, JsonObject content, JupyterMessage? parent, IReadOnlyList<byte[]> identities)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString(),
            ["session"] = Id,
            ["username"] = UserName,
            ["date"] = JupyterWire.Timestamp(DateTimeOffset.UtcNow),
            ["msg_type"] = messageType,
            ["version"] = JupyterMessage.ProtocolVersion,
        };
        var parentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(identities, header, parentHeader, new JsonObject(), content, []);
    }

    /// <summary>A reply on the socket <paramref name="request"/> came from (same identities).</summary>
    public JupyterMessage Reply(JupyterMessage request, string messageType, JsonObject content) =>
        Create(messageType, content, request, request.Identities);

    /// <summary>An iopub message; its topic (the identity frame) is <c>kernel.&lt;session&gt;.&lt;msg_type&gt;</c> as ipykernel sends.</summary>
    public JupyterMessage Publish(string messageType, JsonObject content, JupyterMessage? parent) =>
        Create(messageType, content, parent, [Encoding.UTF8.GetBytes($"kernel.{Id}.{messageType}")]);
}

using System.Globalization;
using System.Text.Json;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// A Jupyter connection file: where the kernel's five sockets bind and the key that signs messages
/// (jupyter-client docs, "Connection files"). The kernel binds only to the addresses given here.
/// </summary>
/// <param name="Path">The file it was read from (for error messages).</param>
/// <param name="Transport"><c>tcp</c> or <c>ipc</c>.</param>
/// <param name="Ip">The address (tcp) or path stem (ipc) to bind.</param>
/// <param name="ShellPort">Shell (ROUTER) port.</param>
/// <param name="IopubPort">IOPub (PUB) port.</param>
/// <param name="StdinPort">Stdin (ROUTER) port.</param>
/// <param name="ControlPort">Control (ROUTER) port.</param>
/// <param name="HeartbeatPort">Heartbeat (REP) port.</param>
/// <param name="Key">The HMAC key (required in the file); empty means messages are not signed.</param>
/// <param name="SignatureScheme">Always <c>hmac-sha256</c>, the only scheme supported.</param>
/// <param name="KernelName">The kernelspec name the client started, or empty.</param>
public sealed record ConnectionFile(
    string Path, string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HeartbeatPort,
    string Key, string SignatureScheme, string KernelName)
{
    /// <summary>The one signature scheme supported.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The ZeroMQ endpoint for <paramref name="port"/>: <c>tcp://ip:port</c>, or <c>ipc://ip-port</c> as jupyter-client writes it.</summary>
    public string Endpoint(int port) =>
        Transport == "ipc" ? $"ipc://{Ip}-{port.ToString(CultureInfo.InvariantCulture)}" : $"tcp://{Ip}:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ConnectionFileException">The file is not JSON, or a key is missing or invalid (the message names the file and key).</exception>
    public static ConnectionFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"connection file '{path}' does not exist.", path);
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ConnectionFileException($"connection file '{path}' is not valid JSON: {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectionFileException($"connection file '{path}' must hold a JSON object, not {root.ValueKind}.");
        }

        var transport = OptionalString(root, path, "transport", "tcp");
        if (transport is not ("tcp" or "ipc"))
        {
            throw new ConnectionFileException($"connection file '{path}': 'transport' must be \"tcp\" or \"ipc\"; got \"{transport}\".");
        }
        var ip = RequiredString(root, path, "ip");
        // Required even though it may be empty (no signing): a file that merely lacks it must not turn signing off.
        if (!root.TryGetProperty("key", out _))
        {
            throw new ConnectionFileException($"connection file '{path}' has no 'key' (use \"key\": \"\" to run without message signing).");
        }
        var key = OptionalString(root, path, "key", "");
        var scheme = OptionalString(root, path, "signature_scheme", HmacSha256);
        if (scheme != HmacSha256)
        {
            throw new ConnectionFileException($"connection file '{path}': 'signature_scheme' \"{scheme}\" is not supported; only \"{HmacSha256}\" is.");
        }
        return new ConnectionFile(
            path, transport, ip,
            Port(root, path, "shell_port"), Port(root, path, "iopub_port"), Port(root, path, "stdin_port"),
            Port(root, path, "control_port"), Port(root, path, "hb_port"),
            key, scheme, OptionalString(root, path, "kernel_name", ""));
    }

    private static string RequiredString(JsonElement root, string path, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new ConnectionFileException($"connection file '{path}' has no '{name}'.");
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            throw new ConnectionFileException($"connection file '{path}': '{name}' must be a non-empty string; got {value.GetRawText()}.");
        }
        return value.GetString()!;
    }

    private static string OptionalString(JsonElement root, string path, string name, string fallback)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ConnectionFileException($"connection file '{path}': '{name}' must be a string; got {value.GetRawText()}.");
        }
        return value.GetString()!;
    }

    private static int Port(JsonElement root, string path, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new ConnectionFileException($"connection file '{path}' has no '{name}'.");
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var port) || port is < 1 or > 65535)
        {
            throw new ConnectionFileException($"connection file '{path}': '{name}' must be a port number in 1..65535; got {value.GetRawText()}.");
        }
        return port;
    }
}

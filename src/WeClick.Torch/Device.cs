using System.Globalization;

namespace WeClick.Torch;

/// <summary>Kinds of device; the values are libtorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    /// <summary>The host CPU.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU (only with a CUDA build of libtorch).</summary>
    CUDA = 1,
}

/// <summary>Where a tensor lives: <c>cpu</c> or <c>cuda:N</c>, as <c>torch.device</c>.</summary>
/// <param name="Type">CPU or CUDA.</param>
/// <param name="Index">Device ordinal, or -1 for "the current one".</param>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:1</c>.</summary>
    /// <exception cref="ArgumentException">The text names no known device.</exception>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"Unknown device '{text}'; expected 'cpu', 'cuda' or 'cuda:N'.", nameof(text)),
        };
        if (parts.Length == 1)
        {
            return new Device(type);
        }
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new Device(type, index);
        }
        throw new ArgumentException($"Unknown device '{text}'; expected 'cpu', 'cuda' or 'cuda:N'.", nameof(text));
    }

    /// <summary>PyTorch's spelling: <c>cpu</c>, <c>cuda</c>, <c>cuda:0</c>.</summary>
    public override string ToString()
    {
        var name = Type == DeviceType.CPU ? "cpu" : "cuda";
        return Index >= 0 ? $"{name}:{Index}" : name;
    }
}

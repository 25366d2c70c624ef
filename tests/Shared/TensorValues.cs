namespace WeClick.Testing;

/// <summary>A tensor's values as a .NET array, for assertions (TorchSharp's <c>data&lt;T&gt;()</c> wants a CPU tensor of exactly T).</summary>
internal static class TensorValues
{
    /// <summary>The values, row-major, copied to the CPU; the dtype must be T's (no conversion, so bit patterns are kept).</summary>
    public static T[] Values<T>(this Tensor t) where T : unmanaged
    {
        if (t.numel() == 0)
        {
            return [];
        }
        using var scope = torch.NewDisposeScope();
        return t.detach().cpu().contiguous().data<T>().ToArray();
    }
}

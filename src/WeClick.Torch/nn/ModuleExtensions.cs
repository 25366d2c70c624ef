namespace WeClick.Torch;

/// <summary>
/// Conversions of a module that return the module with its own static type, so that
/// <c>var net = new Net().to(torch.float64);</c> keeps <c>Net</c> (TorchSharp does the same).
/// </summary>
public static class ModuleExtensions
{
    /// <summary>Moves every parameter and buffer to <paramref name="device"/>; see <see cref="torch.nn.Module.Convert"/>.</summary>
    public static T to<T>(this T module, Device device) where T : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.Convert(device, null);
        return module;
    }

    /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/> (which must be floating point).</summary>
    /// <exception cref="ArgumentException"><paramref name="dtype"/> is not a floating-point type.</exception>
    public static T to<T>(this T module, ScalarType dtype) where T : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.Convert(null, dtype);
        return module;
    }

    /// <summary>Moves to <paramref name="device"/> and converts floating-point tensors to <paramref name="dtype"/>.</summary>
    public static T to<T>(this T module, Device device, ScalarType dtype) where T : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.Convert(device, dtype);
        return module;
    }

    /// <summary>Moves to the CPU.</summary>
    public static T cpu<T>(this T module) where T : torch.nn.Module => module.to(torch.CPU);

    /// <summary>Moves to a CUDA device.</summary>
    public static T cuda<T>(this T module, int index = -1) where T : torch.nn.Module => module.to(new Device(DeviceType.CUDA, index));

    /// <summary>Converts floating-point tensors to float64, as <c>module.double()</c>.</summary>
    public static T @double<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float64);

    /// <summary>Converts floating-point tensors to float32, as <c>module.float()</c>.</summary>
    public static T @float<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float32);
}

using WeClick.Torch.Interop;

namespace WeClick.Torch;

/// <summary>
/// A TorchScript module (a file written by <c>torch.jit.save</c>) run by libtorch's interpreter, as
/// <c>torch.jit.load</c>: for networks defined in Python, e.g. a learned optical-flow net.
/// </summary>
public sealed class ScriptModule : IDisposable
{
    private readonly ScriptModuleHandle _handle;

    internal ScriptModule(IntPtr handle, string path)
    {
        _handle = new ScriptModuleHandle(handle);
        Path = path;
    }

    /// <summary>The file it was loaded from.</summary>
    public string Path { get; }

    /// <summary>Sets training mode (dropout, batch norm) on the module and its submodules.</summary>
    public void train(bool on = true) => NativeStatus.Check(NativeMethods.WcJit_train(_handle, on ? 1 : 0));

    /// <summary>Sets evaluation mode.</summary>
    public void eval() => train(false);

    /// <summary>
    /// Calls <c>forward(inputs..., ints...)</c>. A tensor, tuple or list result comes back flattened, in order.
    /// </summary>
    /// <exception cref="TorchException">The arguments do not fit the module's forward; libtorch's message says how.</exception>
    public unsafe Tensor[] forward(Tensor[] inputs, params long[] ints)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var handles = inputs.Select(t => t.Handle.DangerousGetHandle()).ToArray();
        IntPtr* outputs;
        long count;
        fixed (IntPtr* h = handles)
        fixed (long* i = ints)
        {
            NativeStatus.Check(NativeMethods.WcJit_forward(_handle, h, handles.Length, i, ints.Length, out outputs, out count));
        }
        GC.KeepAlive(inputs);
        try
        {
            var result = new Tensor[count];
            for (var k = 0; k < count; k++)
            {
                result[k] = new Tensor(outputs[k]);
            }
            return result;
        }
        finally
        {
            NativeMethods.WcMemory_free((IntPtr)outputs);
        }
    }

    /// <summary>Releases the module.</summary>
    public void Dispose() => _handle.Dispose();
}

public static partial class torch
{
    /// <summary>TorchScript, as <c>torch.jit</c>.</summary>
    public static class jit
    {
        /// <summary>Loads a <c>torch.jit.save</c>d module onto <paramref name="device"/> (default CPU).</summary>
        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        /// <exception cref="TorchException">The file is not a TorchScript module; the message names it.</exception>
        public static ScriptModule load(string path, Device? device = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"TorchScript file not found: '{path}'.", path);
            }
            var d = device ?? CPU;
            NativeStatus.Check(NativeMethods.WcJit_load(path, (int)d.Type, d.Index, out var module), nameof(load));
            return new ScriptModule(module, path);
        }
    }
}

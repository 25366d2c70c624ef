using WeClick.Torch.Interop;

namespace WeClick.Torch;

// The constructor path that lets Modules.Parameter wrap another tensor's storage.
public partial class Tensor
{
    /// <summary>A new tensor object over a detached alias of <paramref name="source"/> (same storage, no history).</summary>
    /// <remarks>Registered with the current dispose scope like any other tensor; a parameter detaches itself from it.</remarks>
    internal Tensor(Tensor source)
        : this(DetachedHandle(source))
    {
    }

    private static IntPtr DetachedHandle(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        NativeStatus.Check(NativeMethods.WcTensor_detach(source.Handle, out var handle), "Parameter");
        return handle;
    }
}

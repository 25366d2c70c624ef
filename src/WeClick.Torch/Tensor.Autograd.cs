using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Autograd on a tensor: requires_grad, backward, grad, detach.
public partial class Tensor
{
    /// <summary>Whether operations on this tensor are recorded for differentiation.</summary>
    public bool requires_grad
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcTensor_requires_grad(Handle, out var value));
            return value != 0;
        }
        set => NativeStatus.Check(NativeMethods.WcTensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="requires_grad"/> in place and returns this tensor.</summary>
    public Tensor requires_grad_(bool requires_grad = true)
    {
        this.requires_grad = requires_grad;
        return this;
    }

    /// <summary>True for tensors created by the user (not by a recorded operation).</summary>
    public bool is_leaf
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcTensor_is_leaf(Handle, out var value));
            return value != 0;
        }
    }

    /// <summary>The name of the operation that produced this tensor (e.g. <c>AddBackward0</c>), or empty for a leaf.</summary>
    public string grad_fn_name
    {
        get
        {
            NativeStatus.Check(NativeMethods.WcTensor_grad_fn_name(Handle, out var text));
            return NativeStatus.TakeString(text);
        }
    }

    /// <summary>
    /// The accumulated gradient (a new alias each time you read it), or null. Setting null clears it.
    /// </summary>
    public Tensor? grad
    {
        get => WrapOrNull(NativeMethods.WcTensor_grad(Handle, out var r), r);
        set
        {
            NativeStatus.Check(NativeMethods.WcTensor_set_grad(Handle, value is null ? IntPtr.Zero : value.Handle.DangerousGetHandle()));
            GC.KeepAlive(value);
        }
    }

    /// <summary>
    /// Computes the gradient of this tensor with respect to the graph leaves and accumulates it in their <see cref="grad"/>.
    /// </summary>
    /// <param name="gradient">d(loss)/d(this); may be null only when this tensor has one element.</param>
    /// <param name="retain_graph">Keep the graph for another backward; null means "as <paramref name="create_graph"/>" (PyTorch's default).</param>
    /// <param name="create_graph">Record the backward pass itself, for higher-order gradients.</param>
    public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false)
    {
        var retain = retain_graph is null ? -1 : retain_graph.Value ? 1 : 0;
        NativeStatus.Check(NativeMethods.WcTensor_backward(Handle,
            gradient is null ? IntPtr.Zero : gradient.Handle.DangerousGetHandle(), retain, create_graph ? 1 : 0));
        GC.KeepAlive(gradient);
    }

    /// <summary>Makes a non-leaf tensor keep its <see cref="grad"/> after backward.</summary>
    public void retain_grad() => NativeStatus.Check(NativeMethods.WcTensor_retain_grad(Handle));

    /// <summary>A new tensor sharing storage but cut from the graph (no gradient flows through it).</summary>
    public Tensor detach() => Wrap(NativeMethods.WcTensor_detach(Handle, out var r), r);

    /// <summary>Cuts this tensor from the graph in place.</summary>
    public Tensor detach_()
    {
        NativeStatus.Check(NativeMethods.WcTensor_detach_(Handle));
        return this;
    }
}

using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Global autograd switches (no_grad, enable_grad) and torch.autograd.grad.
public static partial class torch
{
    /// <summary>Disables gradient recording on this thread until the returned guard is disposed (<c>with torch.no_grad():</c>).</summary>
    public static IDisposable no_grad() => new GradModeGuard(false);

    /// <summary>Enables gradient recording on this thread until the returned guard is disposed.</summary>
    public static IDisposable enable_grad() => new GradModeGuard(true);

    /// <summary>Sets gradient recording on this thread until the returned guard is disposed.</summary>
    public static IDisposable set_grad_enabled(bool enabled) => new GradModeGuard(enabled);

    /// <summary>Whether operations are being recorded for autograd on this thread.</summary>
    public static bool is_grad_enabled()
    {
        NativeStatus.Check(NativeMethods.WcTorch_grad_enabled(out var enabled));
        return enabled != 0;
    }

    private sealed class GradModeGuard : IDisposable
    {
        private readonly bool _previous;
        private bool _disposed;

        public GradModeGuard(bool enabled)
        {
            _previous = is_grad_enabled();
            NativeStatus.Check(NativeMethods.WcTorch_set_grad_enabled(enabled ? 1 : 0), nameof(set_grad_enabled));
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                NativeStatus.Check(NativeMethods.WcTorch_set_grad_enabled(_previous ? 1 : 0), nameof(set_grad_enabled));
            }
        }
    }

    /// <summary>Functional autograd, as <c>torch.autograd</c>.</summary>
    public static partial class autograd
    {
        /// <summary>
        /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without touching <c>.grad</c>.
        /// </summary>
        /// <returns>One gradient per input; null for an input the outputs do not depend on (with <paramref name="allow_unused"/>).</returns>
        public static unsafe Tensor?[] grad(Tensor[] outputs, Tensor[] inputs, Tensor?[]? grad_outputs = null,
            bool? retain_graph = null, bool create_graph = false, bool allow_unused = false)
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentNullException.ThrowIfNull(inputs);
            if (grad_outputs is not null && grad_outputs.Length != outputs.Length)
            {
                throw new ArgumentException($"grad_outputs has {grad_outputs.Length} entries for {outputs.Length} outputs.", nameof(grad_outputs));
            }
            var outputHandles = outputs.Select(t => t.Handle.DangerousGetHandle()).ToArray();
            var inputHandles = inputs.Select(t => t.Handle.DangerousGetHandle()).ToArray();
            var gradHandles = grad_outputs?.Select(t => t is null ? IntPtr.Zero : t.Handle.DangerousGetHandle()).ToArray();
            var results = new IntPtr[inputs.Length];
            var retain = retain_graph is null ? -1 : retain_graph.Value ? 1 : 0;
            fixed (IntPtr* o = outputHandles, i = inputHandles, g = gradHandles, r = results)
            {
                NativeStatus.Check(NativeMethods.WcAutograd_grad(o, outputs.Length, g, i, inputs.Length, retain,
                    create_graph ? 1 : 0, allow_unused ? 1 : 0, r));
            }
            GC.KeepAlive(outputs);
            GC.KeepAlive(inputs);
            GC.KeepAlive(grad_outputs);
            return results.Select(h => h == IntPtr.Zero ? null : new Tensor(h)).ToArray();
        }
    }
}

using WeClick.Torch.Modules;

namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Moving a module between devices and floating-point dtypes.
        public abstract partial class Module
        {
            /// <summary>
            /// Converts every parameter, gradient and buffer of this module and its descendants, as PyTorch's
            /// <c>module.to(device, dtype)</c>: only floating-point tensors change dtype (<c>num_batches_tracked</c>
            /// stays int64). Use the extension <see cref="ModuleExtensions.to{T}(T, Device)"/>.
            /// </summary>
            /// <remarks>
            /// A tensor that already has the target device and dtype is kept. Otherwise a new
            /// <see cref="Parameter"/> replaces the old one, which is disposed: build optimisers after moving
            /// a model, as in PyTorch.
            /// </remarks>
            /// <exception cref="ArgumentException"><paramref name="dtype"/> is not a floating-point type.</exception>
            internal void Convert(Device? device, ScalarType? dtype)
            {
                if (dtype is { } d && !d.IsFloatingPoint())
                {
                    throw new ArgumentException($"nn.Module.to only accepts floating point dtypes, but got desired dtype={d.PyTorchName()}.", nameof(dtype));
                }
                foreach (var child in children())
                {
                    child.Convert(device, dtype);
                }
                using var noGrad = no_grad();
                foreach (var name in _parameters.Keys.ToArray())
                {
                    if (_parameters[name] is not { } p || !NeedsConversion(p, device, dtype, out var target, out var type))
                    {
                        continue;
                    }
                    using var scope = NewDisposeScope();
                    var converted = new Parameter(p.to(target, type), p.requires_grad);
                    if (p.grad is { } grad)
                    {
                        converted.grad = grad.to(target, type);
                    }
                    _parameters[name] = converted;
                    ReplaceField(name, converted);
                    p.Dispose();
                }
                foreach (var name in _buffers.Keys.ToArray())
                {
                    if (_buffers[name] is not { } b || !NeedsConversion(b, device, dtype, out var target, out var type))
                    {
                        continue;
                    }
                    var converted = b.to(target, type).DetachFromDisposeScope();
                    _buffers[name] = converted;
                    ReplaceField(name, converted);
                    b.Dispose();
                }
            }

            private static bool NeedsConversion(Tensor t, Device? device, ScalarType? dtype, out Device target, out ScalarType type)
            {
                var current = t.device;
                var currentType = t.dtype;
                target = device ?? current;
                type = dtype is { } d && currentType.IsFloatingPoint() ? d : currentType;
                var sameDevice = target.Type == current.Type && (target.Index < 0 || target.Index == current.Index);
                return !sameDevice || type != currentType;
            }
        }
    }
}

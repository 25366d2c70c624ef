using System.Globalization;

namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // state_dict / load_state_dict with PyTorch's key names.
        public abstract partial class Module
        {
            /// <summary>
            /// Every parameter and persistent buffer under its dotted name, in PyTorch's order (each module's
            /// parameters, then its buffers, then its children's entries): <c>features.0.weight</c>,
            /// <c>bn1.running_mean</c>, <c>bn1.num_batches_tracked</c>.
            /// </summary>
            /// <remarks>
            /// The values are detached aliases (PyTorch's <c>keep_vars=False</c>): they share storage with the
            /// module, belong to the current dispose scope and must be disposed by it or by you.
            /// </remarks>
            public OrderedDictionary<string, Tensor> state_dict()
            {
                var result = new OrderedDictionary<string, Tensor>();
                foreach (var (name, tensor) in StateEntries())
                {
                    result[name] = tensor.detach();
                }
                return result;
            }

            /// <summary>The live tensors behind <see cref="state_dict"/> (no aliases), with their names.</summary>
            private IEnumerable<(string name, Tensor tensor)> StateEntries(string prefix = "", HashSet<Module>? seen = null)
            {
                seen ??= new HashSet<Module>(ReferenceEqualityComparer.Instance);
                if (!seen.Add(this))
                {
                    yield break;
                }
                foreach (var (name, p) in _parameters)
                {
                    if (p is not null)
                    {
                        yield return (prefix + name, p);
                    }
                }
                foreach (var (name, b) in _buffers)
                {
                    if (b is not null && !_nonPersistentBuffers.Contains(name))
                    {
                        yield return (prefix + name, b);
                    }
                }
                foreach (var (name, child) in _modules)
                {
                    if (child is null)
                    {
                        continue;
                    }
                    foreach (var entry in child.StateEntries(prefix + name + ".", seen))
                    {
                        yield return entry;
                    }
                }
            }

            /// <summary>
            /// Copies <paramref name="state_dict"/>'s values into this module's parameters and persistent buffers
            /// (in place, without recording gradients), as PyTorch's <c>load_state_dict</c>.
            /// </summary>
            /// <param name="state_dict">Name → tensor, e.g. from <see cref="state_dict()"/> or a checkpoint.</param>
            /// <param name="strict">
            /// True: every key must match, with the same shape and dtype; otherwise nothing is copied and one
            /// <see cref="StateDictException"/> lists every missing key, unexpected key, shape mismatch and dtype
            /// mismatch. False: matching keys are copied (a different dtype is converted, as PyTorch's copy does) and
            /// the missing and unexpected keys are returned; a shape mismatch still throws, as in PyTorch.
            /// </param>
            /// <returns>The missing and unexpected keys (both empty after a strict load).</returns>
            /// <exception cref="StateDictException">See <paramref name="strict"/>.</exception>
            public IncompatibleKeys load_state_dict(IReadOnlyDictionary<string, Tensor> state_dict, bool strict = true)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                var own = StateEntries().ToList();
                var ownNames = own.Select(e => e.name).ToHashSet(StringComparer.Ordinal);
                var missing = own.Where(e => !state_dict.ContainsKey(e.name)).Select(e => e.name).ToList();
                var unexpected = state_dict.Keys.Where(k => !ownNames.Contains(k)).ToList();
                var mismatches = new List<string>();
                foreach (var (name, target) in own)
                {
                    if (!state_dict.TryGetValue(name, out var source))
                    {
                        continue;
                    }
                    if (!source.shape.SequenceEqual(target.shape))
                    {
                        mismatches.Add($"size mismatch for {name}: copying a param with shape {Shape(source)} from checkpoint, the shape in current model is {Shape(target)}.");
                    }
                    else if (strict && source.dtype != target.dtype)
                    {
                        mismatches.Add($"dtype mismatch for {name}: the checkpoint has {source.dtype.PyTorchName()}, the current model has {target.dtype.PyTorchName()}.");
                    }
                }
                if (mismatches.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
                {
                    throw new StateDictException(GetName(), strict ? missing : [], strict ? unexpected : [], mismatches);
                }
                using (no_grad())
                {
                    foreach (var (name, target) in own)
                    {
                        if (state_dict.TryGetValue(name, out var source))
                        {
                            target.copy_(source);
                        }
                    }
                }
                return new IncompatibleKeys(missing, unexpected);
            }

            private static string Shape(Tensor t) =>
                "[" + string.Join(", ", t.shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
        }
    }
}

using WeClick.Torch.Modules;

namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base class of every layer and model, as <c>torch.nn.Module</c>: owns named parameters, buffers
        /// and child modules, and enumerates them with PyTorch's dotted names (<c>features.0.weight</c>).
        /// </summary>
        /// <remarks>
        /// Register components explicitly (<see cref="register_parameter"/>, <see cref="register_buffer"/>,
        /// <see cref="register_module"/>) or, as in TorchSharp, assign fields in the constructor and call
        /// <see cref="RegisterComponents"/> once at its end. Registration order is enumeration order, as in
        /// PyTorch. A module owns what it registers: <see cref="Dispose()"/> releases every parameter and buffer
        /// of the module and of its children.
        /// </remarks>
        public abstract partial class Module : IDisposable
        {
            private readonly OrderedDictionary<string, Parameter?> _parameters = new();
            private readonly OrderedDictionary<string, Tensor?> _buffers = new();
            private readonly HashSet<string> _nonPersistentBuffers = new();
            private readonly OrderedDictionary<string, Module?> _modules = new();
            private bool _disposed;

            /// <summary>Creates an empty module in training mode.</summary>
            protected Module()
            {
            }

            /// <summary>True in training mode (the default), false after <see cref="eval"/>.</summary>
            public bool training { get; private set; } = true;

            /// <summary>The class name, used in messages (PyTorch's <c>type(m).__name__</c>).</summary>
            public virtual string GetName() => GetType().Name;

            /// <summary>Registers (or replaces) a learnable parameter; null registers the name with no tensor (e.g. a conv without bias).</summary>
            /// <exception cref="ArgumentException">The name is empty, contains '.', or names a buffer or child module.</exception>
            public void register_parameter(string name, Parameter? param)
            {
                CheckName(name, "parameter", _parameters.ContainsKey(name));
                _parameters[name] = param;
            }

            /// <summary>
            /// Registers (or replaces) a buffer: state that is not learnt (BatchNorm's running statistics).
            /// The module takes ownership: the tensor is removed from its dispose scope.
            /// </summary>
            /// <param name="name">The attribute name.</param>
            /// <param name="tensor">The buffer, or null for "declared but absent" (skipped by state_dict).</param>
            /// <param name="persistent">Whether <see cref="state_dict"/> includes it.</param>
            /// <exception cref="ArgumentException">The name is empty, contains '.', or names a parameter or child module.</exception>
            public void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckName(name, "buffer", _buffers.ContainsKey(name));
                tensor?.DetachFromDisposeScope();
                _buffers[name] = tensor;
                if (persistent)
                {
                    _nonPersistentBuffers.Remove(name);
                }
                else
                {
                    _nonPersistentBuffers.Add(name);
                }
            }

            /// <summary>Registers (or replaces) a child module, whose components then appear under <c>name.</c>.</summary>
            /// <exception cref="ArgumentException">The name is empty, contains '.', or names a parameter or buffer.</exception>
            public void register_module(string name, Module? module)
            {
                CheckName(name, "module", _modules.ContainsKey(name));
                if (ReferenceEquals(module, this))
                {
                    throw new ArgumentException($"A module cannot be its own child ('{name}').", nameof(module));
                }
                _modules[name] = module;
            }

            private void CheckName(string name, string kind, bool sameKind)
            {
                ArgumentNullException.ThrowIfNull(name);
                if (name.Length == 0)
                {
                    throw new ArgumentException($"A {kind} name can't be an empty string.", nameof(name));
                }
                if (name.Contains('.', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"A {kind} name can't contain '.' (got '{name}').", nameof(name));
                }
                if (!sameKind && (_parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _modules.ContainsKey(name)))
                {
                    throw new ArgumentException($"{GetName()} already has a component named '{name}' that is not a {kind}.", nameof(name));
                }
            }

            /// <summary>The parameter registered under <paramref name="name"/> on this module (not its children), or null.</summary>
            public Parameter? get_parameter(string name) => _parameters.TryGetValue(name, out var p) ? p : null;

            /// <summary>The buffer registered under <paramref name="name"/> on this module (not its children), or null.</summary>
            public Tensor? get_buffer(string name) => _buffers.TryGetValue(name, out var b) ? b : null;

            /// <summary>The child registered under <paramref name="name"/>, or null.</summary>
            public Module? get_submodule(string name) => _modules.TryGetValue(name, out var m) ? m : null;

            /// <summary>
            /// This module (name "") and every descendant, depth-first in registration order, each once
            /// (a module reachable twice is listed under its first name), as <c>named_modules()</c>.
            /// </summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                return NamedModules(string.Empty, seen);
            }

            private IEnumerable<(string name, Module module)> NamedModules(string prefix, HashSet<Module> seen)
            {
                if (!seen.Add(this))
                {
                    yield break;
                }
                yield return (prefix, this);
                foreach (var (name, child) in _modules)
                {
                    if (child is null)
                    {
                        continue;
                    }
                    foreach (var entry in child.NamedModules(prefix.Length == 0 ? name : prefix + "." + name, seen))
                    {
                        yield return entry;
                    }
                }
            }

            /// <summary>This module and every descendant (see <see cref="named_modules"/>).</summary>
            public IEnumerable<Module> modules() => named_modules().Select(e => e.module);

            /// <summary>The direct children with their names, each once.</summary>
            public IEnumerable<(string name, Module module)> named_children()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                foreach (var (name, child) in _modules)
                {
                    if (child is not null && seen.Add(child))
                    {
                        yield return (name, child);
                    }
                }
            }

            /// <summary>The direct children.</summary>
            public IEnumerable<Module> children() => named_children().Select(e => e.module);

            /// <summary>
            /// Parameters with dotted names (<c>conv1.weight</c>), each once, in PyTorch's order: this module's own,
            /// then each child's recursively. With <paramref name="recurse"/> false, only this module's own.
            /// </summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) =>
                NamedMembers(m => m._parameters, recurse).Select(e => (e.name, (Parameter)e.tensor));

            /// <summary>The parameters (see <see cref="named_parameters"/>), the usual argument of an optimiser.</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(e => e.parameter);

            /// <summary>Buffers with dotted names (<c>bn1.running_mean</c>), each once, persistent or not.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) =>
                NamedMembers(m => m._buffers, recurse);

            /// <summary>The buffers (see <see cref="named_buffers"/>).</summary>
            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(e => e.buffer);

            private IEnumerable<(string name, Tensor tensor)> NamedMembers<T>(Func<Module, OrderedDictionary<string, T?>> members, bool recurse)
                where T : Tensor
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                var modules = recurse ? named_modules() : [(string.Empty, this)];
                foreach (var (prefix, module) in modules)
                {
                    foreach (var (name, tensor) in members(module))
                    {
                        if (tensor is not null && seen.Add(tensor))
                        {
                            yield return (prefix.Length == 0 ? name : prefix + "." + name, tensor);
                        }
                    }
                }
            }

            /// <summary>Number of parameter elements (each shared parameter counted once); optionally only those that require gradients.</summary>
            public long parameter_count(bool trainable_only = false) =>
                parameters().Where(p => !trainable_only || p.requires_grad).Sum(p => p.numel());

            /// <summary>Sets training mode on this module and every descendant (Dropout and BatchNorm behave differently).</summary>
            public virtual void train(bool mode = true)
            {
                training = mode;
                foreach (var child in children())
                {
                    child.train(mode);
                }
            }

            /// <summary>Sets evaluation mode, as <c>train(false)</c>.</summary>
            public void eval() => train(false);

            /// <summary>Sets <see cref="Tensor.requires_grad"/> on every parameter (false freezes the module).</summary>
            public void requires_grad_(bool requires_grad = true)
            {
                foreach (var p in parameters())
                {
                    p.requires_grad = requires_grad;
                }
            }

            /// <summary>
            /// Clears the gradients of every parameter. The default, <paramref name="set_to_none"/> = true, is PyTorch 2's
            /// (the grad becomes null, which saves memory and a kernel); false zeroes it in place as PyTorch 1.13 did.
            /// </summary>
            public void zero_grad(bool set_to_none = true) => Optim.Optimizer.ZeroGrad(parameters(), set_to_none);

            /// <summary>Calls <paramref name="fn"/> on every descendant (children first) and then on this module; returns this module.</summary>
            public Module apply(Action<Module> fn)
            {
                ArgumentNullException.ThrowIfNull(fn);
                foreach (var child in children())
                {
                    child.apply(fn);
                }
                fn(this);
                return this;
            }

            /// <summary>Releases every parameter and buffer of this module and of its children.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Releases the registered tensors and children when <paramref name="disposing"/> is true.</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (_disposed || !disposing)
                {
                    return;
                }
                _disposed = true;
                foreach (var child in _modules.Values)
                {
                    child?.Dispose();
                }
                foreach (var p in _parameters.Values)
                {
                    p?.Dispose();
                }
                foreach (var b in _buffers.Values)
                {
                    b?.Dispose();
                }
            }
        }
    }
}

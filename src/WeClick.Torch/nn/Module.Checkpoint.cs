namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Saving and loading a module's state dict as a safetensors file.
        public abstract partial class Module
        {
            /// <summary>
            /// Writes <see cref="state_dict()"/> (parameters and persistent buffers, PyTorch's dotted names)
            /// to a safetensors file, atomically: a crash never leaves a half-written file at <paramref name="path"/>.
            /// PyTorch reads it with <c>safetensors.torch.load_file</c> and <c>model.load_state_dict</c>.
            /// </summary>
            /// <param name="path">The file to write (replaced if it exists).</param>
            /// <param name="metadata">Extra string metadata stored in the header (<c>format: pt</c> is always written).</param>
            public void save(string path, IReadOnlyDictionary<string, string>? metadata = null)
            {
                using var scope = NewDisposeScope();
                save_safetensors(state_dict(), path, metadata);
            }

            /// <summary>
            /// Loads a safetensors checkpoint into this module's parameters and buffers (in place, on their devices).
            /// </summary>
            /// <param name="path">A file written by <see cref="save"/> or by PyTorch's safetensors.</param>
            /// <param name="strict">As <see cref="load_state_dict"/>: names, shapes and dtypes must all match.</param>
            /// <returns>The missing and unexpected keys (empty after a strict load).</returns>
            /// <exception cref="StateDictException">The file does not fit this module; the message names the file and every mismatch.</exception>
            /// <exception cref="Serialization.SafetensorsFormatException">The file is not a valid safetensors file.</exception>
            /// <exception cref="FileNotFoundException">There is no such file.</exception>
            public IncompatibleKeys load(string path, bool strict = true)
            {
                using var file = load_safetensors(path);
                try
                {
                    return load_state_dict(file.Tensors, strict);
                }
                catch (StateDictException e)
                {
                    throw new StateDictException($"{GetType().Name} from '{path}'", e.MissingKeys, e.UnexpectedKeys, e.Mismatches);
                }
            }
        }
    }
}

using System.Reflection;
using WeClick.Torch.Modules;

namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // TorchSharp's RegisterComponents: registration of fields by reflection.
        public abstract partial class Module
        {
            private readonly Dictionary<string, FieldInfo> _fields = new();

            /// <summary>
            /// Registers this object's instance fields, in declaration order (base classes first): fields of a
            /// <see cref="Module"/> type become children, <see cref="Parameter"/> fields parameters, other
            /// <see cref="Tensor"/> fields persistent buffers. Null fields are skipped.
            /// </summary>
            /// <remarks>
            /// The registered name is the field name with ONE leading underscore removed (<c>_conv1</c> → <c>conv1</c>,
            /// <c>__x</c> → <c>_x</c>), or the property name for an auto-property's backing field, so that
            /// names match a PyTorch model written with the same attribute names. Call it once, at the end of
            /// the constructor; calling it again re-registers (replaces) the same names.
            /// <see cref="ModuleExtensions.to{T}(T, Device)"/> updates these fields when it replaces a parameter.
            /// </remarks>
            protected void RegisterComponents()
            {
                var hierarchy = new List<Type>();
                for (var t = GetType(); t is not null && t != typeof(Module); t = t.BaseType)
                {
                    hierarchy.Add(t);
                }
                hierarchy.Reverse();
                foreach (var type in hierarchy)
                {
                    var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                        .OrderBy(f => f.MetadataToken);
                    foreach (var field in fields)
                    {
                        var value = field.GetValue(this);
                        if (value is null)
                        {
                            continue;
                        }
                        var name = ComponentName(field.Name);
                        switch (value)
                        {
                            case Module module when !ReferenceEquals(module, this):
                                register_module(name, module);
                                break;
                            case Parameter parameter:
                                register_parameter(name, parameter);
                                break;
                            case Tensor buffer:
                                register_buffer(name, buffer);
                                break;
                            default:
                                continue;
                        }
                        _fields[name] = field;
                    }
                }
            }

            private static string ComponentName(string fieldName)
            {
                // Auto-property backing field: <name>k__BackingField.
                if (fieldName.StartsWith('<') && fieldName.IndexOf('>', StringComparison.Ordinal) is var end and > 1)
                {
                    return fieldName[1..end];
                }
                return fieldName.StartsWith('_') && fieldName.Length > 1 ? fieldName[1..] : fieldName;
            }

            /// <summary>Puts a converted tensor in place of a registered one (and in its field, if it came from one).</summary>
            private void ReplaceField(string name, object value)
            {
                if (_fields.TryGetValue(name, out var field) && field.FieldType.IsInstanceOfType(value))
                {
                    field.SetValue(this, value);
                }
            }
        }
    }
}

using System.Collections;
using System.Globalization;

namespace WeClick.Torch.Modules;

/// <summary>
/// A list of child modules named "0", "1", ..., as <c>torch.nn.ModuleList</c>: holds them so that their
/// parameters are registered, without a forward of its own. Use <c>ModuleList&lt;torch.nn.Module&gt;</c> for mixed types.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ModuleList<T> : torch.nn.Module, IReadOnlyList<T> where T : torch.nn.Module
{
    private readonly List<T> _items = new();

    /// <summary>Creates the list with <paramref name="modules"/>.</summary>
    public ModuleList(params T[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            append(m);
        }
    }

    /// <summary>Number of modules.</summary>
    public int Count => _items.Count;

    /// <summary>The module at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    /// <summary>Appends a module (named by its position) and returns this list.</summary>
    public ModuleList<T> append(T module)
    {
        ArgumentNullException.ThrowIfNull(module);
        register_module(_items.Count.ToString(CultureInfo.InvariantCulture), module);
        _items.Add(module);
        return this;
    }

    /// <summary>Appends several modules.</summary>
    public ModuleList<T> extend(IEnumerable<T> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            append(m);
        }
        return this;
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

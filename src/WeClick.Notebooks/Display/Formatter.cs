using System.Collections;
using System.Globalization;
using WeClick.Evaluation;
using WeClick.Reports;
using static TorchSharp.torch;

namespace WeClick.Notebooks.Display;

/// <summary>
/// Turns any value into the MIME bundle a notebook shows: registered formatters first (most derived type wins), then
/// <see cref="IMimeRenderable"/>, Plotly.NET charts (<see cref="ChartOutput"/>), the evaluation types (<see cref="MetricsDisplay"/>), strings and numbers as plain text, tensors (<see cref="TensorFormatter"/>), DataFrames (<see cref="DataFrameFormatter"/>), sequences
/// as tables (<see cref="TableFormatter"/>), and <see cref="object.ToString"/> for the rest. Every bundle has
/// <c>text/plain</c>. Process-wide and thread-safe, so a notebook can register its own formatter in one cell and use it
/// in the next.
/// </summary>
public static class Formatter
{
    private static readonly Dictionary<Type, Func<object, MimeBundle>> Registered = [];
    private static readonly Lock RegistryLock = new();

    /// <summary>Formats values of type <typeparamref name="T"/> (and types derived from it) with <paramref name="format"/>,
    /// replacing an earlier registration for the same type.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="format"/> is null.</exception>
    public static void Register<T>(Func<T, MimeBundle> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        lock (RegistryLock)
        {
            Registered[typeof(T)] = value => format((T)value);
        }
    }

    /// <summary>Removes the formatter registered for exactly <typeparamref name="T"/>; true if there was one.</summary>
    public static bool Unregister<T>()
    {
        lock (RegistryLock)
        {
            return Registered.Remove(typeof(T));
        }
    }

    /// <summary>The bundle for <paramref name="value"/> (<c>null</c> shows as <c>null</c>).</summary>
    public static MimeBundle Format(object? value)
    {
        if (value is null)
        {
            return new MimeBundle("null");
        }
        var bundle = FindRegistered(value.GetType()) is { } registered ? registered(value) : FormatBuiltIn(value);
        if (!bundle.Data.ContainsKey(MimeBundle.PlainText))
        {
            bundle.With(MimeBundle.PlainText, value.ToString() ?? value.GetType().Name);
        }
        return bundle;
    }

    /// <summary>The bundle for <paramref name="value"/> restricted to <paramref name="mimeTypes"/> (plus <c>text/plain</c>,
    /// which is always kept); all types when <paramref name="mimeTypes"/> is empty.</summary>
    /// <exception cref="ArgumentException">None of the requested types can be produced for this value.</exception>
    public static MimeBundle Format(object? value, IReadOnlyCollection<string> mimeTypes)
    {
        var bundle = Format(value);
        if (mimeTypes.Count == 0)
        {
            return bundle;
        }
        var missing = mimeTypes.Where(type => !bundle.Data.ContainsKey(type)).ToList();
        if (missing.Count == mimeTypes.Count && !mimeTypes.Contains(MimeBundle.PlainText))
        {
            throw new ArgumentException($"display: a {value?.GetType().Name ?? "null"} cannot be shown as {string.Join(", ", mimeTypes)}; it has {string.Join(", ", bundle.Data.Keys)}.", nameof(mimeTypes));
        }
        foreach (var type in bundle.Data.Keys.Where(type => type != MimeBundle.PlainText && !mimeTypes.Contains(type)).ToList())
        {
            bundle.Data.Remove(type);
            bundle.Metadata.Remove(type);
        }
        return bundle;
    }

    private static Func<object, MimeBundle>? FindRegistered(Type type)
    {
        lock (RegistryLock)
        {
            if (Registered.Count == 0)
            {
                return null;
            }
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Registered.TryGetValue(current, out var format))
                {
                    return format;
                }
            }
            foreach (var contract in type.GetInterfaces())
            {
                if (Registered.TryGetValue(contract, out var format))
                {
                    return format;
                }
            }
            return null;
        }
    }

    private static MimeBundle FormatBuiltIn(object value) => value switch
    {
        IMimeRenderable renderable => renderable.ToMimeBundle(),
        // Plotly.NET charts (the workbench's figures and a cell's own): plotly JSON and HTML drawn with the local plotly.js.
        Plotly.NET.GenericChart chart => chart.ToMimeBundle(),
        // The evaluation types sit below Reports (the library's layers point one way), so their notebook forms are found here.
        SegmentationMetrics metrics => MetricsDisplay.Bundle(metrics),
        ConfusionMatrix confusion => MetricsDisplay.Bundle(confusion),
        EvaluationResult evaluation => MetricsDisplay.Bundle(evaluation),
        string text => new MimeBundle(text),
        bool flag => new MimeBundle(flag ? "True" : "False"),
        char or Enum => new MimeBundle(value.ToString()!),
        IFormattable number when IsNumber(number) => new MimeBundle(number.ToString(null, CultureInfo.InvariantCulture)),
        Tensor tensor => TensorFormatter.Format(tensor),
        Microsoft.Data.Analysis.DataFrame frame => DataFrameFormatter.Format(frame), // before IEnumerable: a frame enumerates its rows
        IEnumerable sequence => TableFormatter.Format(sequence),
        _ => new MimeBundle(FormatText(value)),
    };

    private static bool IsNumber(IFormattable value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or Half
            or Int128 or UInt128 or nint or nuint;

    private static string FormatText(object value) => value is IFormattable formattable
        ? formattable.ToString(null, CultureInfo.InvariantCulture)
        : value.ToString() ?? value.GetType().Name;
}

using System.Globalization;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// One parameter override for a run: a name and a value that is a <see cref="bool"/>, <see cref="long"/>,
/// <see cref="double"/> or <see cref="string"/> — the types papermill's command line produces.
/// </summary>
public sealed record NotebookParameter
{
    /// <summary>Creates a parameter.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a C# identifier, or the value has another type.</exception>
    public NotebookParameter(string name, object value)
    {
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"parameter name '{name}' is not a C# identifier (letters, digits and '_', not starting with a digit).", nameof(name));
        }
        if (value is not (bool or long or double or string))
        {
            throw new ArgumentException($"parameter '{name}': values are bool, long, double or string, not {value?.GetType().Name ?? "null"}.", nameof(value));
        }
        Name = name;
        Value = value;
    }

    /// <summary>The variable name.</summary>
    public string Name { get; }

    /// <summary>The value: bool, long, double or string.</summary>
    public object Value { get; }

    /// <summary>
    /// Parses <c>name=value</c> as papermill's <c>-p</c> does (<c>papermill/cli.py</c> <c>_resolve_type</c>):
    /// <c>True</c>/<c>False</c> (and <c>true</c>/<c>false</c>) are booleans, then integers, then floats
    /// (<c>inf</c>, <c>nan</c> included), else the text as a string. Use <see cref="Raw"/> to keep a value a string.
    /// </summary>
    /// <exception cref="ArgumentException">No <c>=</c>, a bad name, or <c>None</c> (no C# translation; papermill's C# translator refuses it too).</exception>
    public static NotebookParameter Parse(string nameEqualsValue)
    {
        var equals = nameEqualsValue.IndexOf('=');
        if (equals < 0)
        {
            throw new ArgumentException($"-p {nameEqualsValue}: expected name=value.");
        }
        var name = nameEqualsValue[..equals];
        var text = nameEqualsValue[(equals + 1)..];
        if (text == "None")
        {
            throw new ArgumentException($"-p {nameEqualsValue}: None has no C# value (papermill's C# translator refuses it too); use -r {name} None for the string \"None\".");
        }
        return new NotebookParameter(name, ResolveType(text));
    }

    /// <summary>A string parameter, taken as it is (papermill's <c>-r name value</c>).</summary>
    public static NotebookParameter Raw(string name, string value) => new(name, value);

    /// <summary>The value a papermill command line gives <paramref name="text"/>.</summary>
    public static object ResolveType(string text)
    {
        switch (text)
        {
            case "True" or "true":
                return true;
            case "False" or "false":
                return false;
        }
        // Python's int() and float() accept surrounding blanks and '_' between digits.
        var trimmed = text.Trim();
        var digits = trimmed.Contains('_') && !trimmed.StartsWith('_') && !trimmed.EndsWith('_') && !trimmed.Contains("__") ? trimmed.Replace("_", "") : trimmed;
        if (digits.Length > 0 && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        if (TryParsePythonFloat(digits, out var real))
        {
            return real;
        }
        return text;
    }

    private static bool TryParsePythonFloat(string text, out double value)
    {
        var unsigned = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (unsigned.Length == text.Length - 1 || unsigned.Length == text.Length)
        {
            switch (unsigned.ToLowerInvariant())
            {
                case "inf" or "infinity":
                    value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                    return true;
                case "nan":
                    value = double.NaN;
                    return true;
            }
        }
        // Digits with an optional point and exponent only: .NET would also take "Infinity", "∞" or thousands separators.
        var plain = unsigned.Length > 0 && unsigned.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-') && unsigned.Any(char.IsAsciiDigit);
        if (plain && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        value = 0;
        return false;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}

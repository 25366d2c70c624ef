using System.Globalization;
using System.Text;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// The injected cell's text, as papermill's C# translator writes it (<c>papermill/translators.py</c>
/// <c>CSharpTranslator</c>): <c>// Parameters</c>, then one <c>var name = value;</c> line per parameter.
/// </summary>
/// <remarks>
/// Where papermill's output is not valid C# we write valid C# instead: strings are escaped for C# (papermill uses
/// Python's <c>unicode_escape</c>, whose <c>\xNN</c> C# reads as up to four hex digits), and infinities/NaN become
/// <c>double.PositiveInfinity</c>/<c>double.NaN</c> (papermill writes Python's <c>float('inf')</c>).
/// </remarks>
public static class CSharpParameterTranslator
{
    /// <summary>The cell source: <c>// Parameters\n</c> then <c>var name = literal;\n</c> per parameter, in order.</summary>
    public static string Codify(IEnumerable<NotebookParameter> parameters)
    {
        var text = new StringBuilder("// Parameters\n");
        foreach (var p in parameters)
        {
            text.Append("var ").Append(p.Name).Append(" = ").Append(Literal(p.Value)).Append(";\n");
        }
        return text.ToString();
    }

    /// <summary>The C# literal of a parameter value (bool, long, double or string).</summary>
    /// <exception cref="ArgumentException">Another type.</exception>
    public static string Literal(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l is > int.MaxValue or < int.MinValue ? $"{l.ToString(CultureInfo.InvariantCulture)}L" : l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d => PythonJson.FormatDouble(d), // Python's repr, as papermill; always a double literal ("1.0", "1e-05")
        string s => StringLiteral(s),
        _ => throw new ArgumentException($"No C# literal for a {value.GetType().Name} parameter value.", nameof(value)),
    };

    /// <summary>A regular C# string literal: printable ASCII as is, quotes and backslashes escaped, everything else as <c>\uXXXX</c>/<c>\UXXXXXXXX</c>.</summary>
    public static string StringLiteral(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case >= 0x20 and < 0x7f: text.Append((char)c); break;
                case <= 0xffff: text.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture)); break;
            }
        }
        return text.Append('"').ToString();
    }
}

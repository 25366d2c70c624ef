using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeClick.Notebooks.Documents;

/// <summary>
/// JSON text exactly as Python's <c>json.dumps(obj, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)</c>
/// writes it — the call nbformat's writer (<c>nbformat/v4/nbjson.py</c>) makes — so that a notebook Jupyter wrote comes
/// back byte for byte, and diffs between our files and Jupyter's show only real changes.
/// </summary>
public static class PythonJson
{
    /// <summary>Serializes <paramref name="node"/> (null writes <c>null</c>).</summary>
    public static string Serialize(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.ToString();
    }

    /// <summary>A double as Python's <c>repr(float)</c>: shortest round trip, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>, <c>NaN</c>/<c>Infinity</c> as json.dumps writes them.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        // .NET's shortest round-trip string gives the mantissa digits and the decimal exponent; Python's float_repr_style
        // then uses positional notation for exponents -5 < e < 16 and scientific otherwise.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var digits = ShortestDigits(shortest, out var exponent);
        var sign = value < 0 ? "-" : "";
        if (exponent is < -4 or >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        if (exponent < 0)
        {
            return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
        }
        if (digits.Length <= exponent + 1)
        {
            return $"{sign}{digits}{new string('0', exponent + 1 - digits.Length)}.0";
        }
        return $"{sign}{digits[..(exponent + 1)]}.{digits[(exponent + 1)..]}";
    }

    // The significant digits (no leading/trailing zeros) of .NET's shortest round-trip string, and the decimal
    // exponent of the first digit.
    private static string ShortestDigits(string roundTrip, out int exponent)
    {
        var s = roundTrip.TrimStart('-');
        var e = 0;
        var ePos = s.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            e = int.Parse(s[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..ePos];
        }
        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var fracPart = dot >= 0 ? s[(dot + 1)..] : "";
        var all = intPart + fracPart;
        var firstNonZero = all.TakeWhile(c => c == '0').Count();
        exponent = intPart.Length - 1 - firstNonZero + e;
        return all[firstNonZero..].TrimEnd('0') is { Length: > 0 } d ? d : "0";
    }

    private static void Write(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj:
                text.Append("{\n");
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(",\n");
                    }
                    first = false;
                    text.Append(' ', depth + 1);
                    WriteString(text, key);
                    text.Append(": ");
                    Write(text, value, depth + 1);
                }
                text.Append('\n').Append(' ', depth).Append('}');
                break;
            case JsonArray array when array.Count == 0:
                text.Append("[]");
                break;
            case JsonArray array:
                text.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(",\n");
                    }
                    text.Append(' ', depth + 1);
                    Write(text, array[i], depth + 1);
                }
                text.Append('\n').Append(' ', depth).Append(']');
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    WriteString(text, element.GetString()!);
                    return;
                case JsonValueKind.Number:
                    text.Append(element.GetRawText()); // as read: Python wrote it, Python's form it stays
                    return;
                default:
                    text.Append(element.GetRawText());
                    return;
            }
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.TryGetValue<string>(out var s) ? s : value.GetValue<object>().ToString()!);
                return;
            case JsonValueKind.True:
                text.Append("true");
                return;
            case JsonValueKind.False:
                text.Append("false");
                return;
            case JsonValueKind.Number:
                if (value.TryGetValue<double>(out var d))
                {
                    text.Append(FormatDouble(d));
                }
                else if (value.TryGetValue<float>(out var f))
                {
                    text.Append(FormatDouble(f));
                }
                else
                {
                    text.Append(value.ToJsonString()); // integers: the same digits in every language
                }
                return;
            default:
                text.Append(value.ToJsonString());
                return;
        }
    }

    // json.dumps(ensure_ascii=False): escapes only the quote, the backslash and control characters below U+0020.
    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}

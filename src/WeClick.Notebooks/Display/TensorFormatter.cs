using System.Globalization;
using System.Net;
using System.Text;
using TorchSharp;
using WeClick.Reports;
using static TorchSharp.torch;

namespace WeClick.Notebooks.Display;

/// <summary>
/// Shows a TorchSharp <see cref="Tensor"/> in a notebook, as the workbench showed its own binding's tensors. Small tensors (at most <see cref="MaxValues"/> elements) print their values
/// the way PyTorch's <c>repr</c> does — <c>tensor([[0, 1, 2],\n        [3, 4, 5]])</c>, with <c>dtype=</c>/<c>device=</c>
/// only when not the default — and 1-D/2-D ones also get an HTML table. Bigger tensors show their shape, dtype, device and
/// min/max/mean/std instead of a wall of numbers.
/// </summary>
public static class TensorFormatter
{
    /// <summary>The largest element count printed value by value (PyTorch summarises past 1000 too).</summary>
    public const int MaxValues = 1000;

    /// <summary>The tensor's bundle: <c>text/plain</c> always, <c>text/html</c> for small 1-D and 2-D tensors.</summary>
    public static MimeBundle Format(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.IsInvalid)
        {
            return new MimeBundle("tensor(disposed)");
        }
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var shape = tensor.shape;
        var count = tensor.numel();
        if (count > MaxValues)
        {
            return new MimeBundle(Summary(tensor, shape));
        }
        var cells = Cells(tensor.detach().cpu().contiguous(), count);
        var text = Repr(tensor, shape, cells);
        var bundle = new MimeBundle(text);
        if (shape.Length is 1 or 2 && count > 0)
        {
            bundle.With("text/html", HtmlTable(tensor, shape, cells));
        }
        return bundle;
    }

    /// <summary>One line for a tensor inside a table cell or a log: shape, dtype, device, the first
    /// <see cref="PreviewCount"/> values and whether it requires grad, e.g. <c>Tensor[2, 3] float32 cpu [0.1, 0.2, 0.3, 0.4,
    /// 0.5, 0.6]</c> (the old binding's <c>Tensor.ToString</c>; TorchSharp's own shows no values).</summary>
    public static string Describe(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.IsInvalid)
        {
            return "Tensor (disposed)";
        }
        var text = new StringBuilder("Tensor[").Append(string.Join(", ", tensor.shape)).Append("] ")
            .Append(PyTorchName(tensor.dtype)).Append(' ').Append(tensor.device.ToString());
        if (tensor.requires_grad)
        {
            text.Append(" requires_grad");
        }
        return text.Append(' ').Append(Preview(tensor)).ToString();
    }

    /// <summary>How many leading values <see cref="Describe"/> shows.</summary>
    public const int PreviewCount = 6;

    private static string Preview(Tensor tensor)
    {
        var count = tensor.numel();
        if (count == 0)
        {
            return "[]";
        }
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var head = tensor.detach().reshape(-1).narrow(0, 0, Math.Min(count, PreviewCount)).cpu();
        var values = tensor.dtype switch
        {
            ScalarType.Bool => head.data<bool>().ToArray().Select(b => b ? "true" : "false"),
            _ when IsInteger(tensor.dtype) => head.to(ScalarType.Int64).data<long>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)),
            _ => head.to(ScalarType.Float64).data<double>().ToArray().Select(v => v.ToString("G5", CultureInfo.InvariantCulture)),
        };
        return "[" + string.Join(", ", values) + (count > PreviewCount ? ", ..." : "") + "]";
    }

    /// <summary>Each element as PyTorch prints it (all the same width, right-aligned).</summary>
    private static string[] Cells(Tensor tensor, long count)
    {
        if (count == 0)
        {
            return [];
        }
        var dtype = tensor.dtype;
        string[] cells;
        if (dtype == ScalarType.Bool)
        {
            cells = tensor.data<bool>().ToArray().Select(b => b ? "True" : "False").ToArray();
        }
        else if (IsInteger(dtype))
        {
            cells = tensor.to(ScalarType.Int64).data<long>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        else
        {
            cells = FloatCells(tensor.to(ScalarType.Float64).data<double>().ToArray());
        }
        var width = cells.Max(c => c.Length);
        return cells.Select(c => c.PadLeft(width)).ToArray();
    }

    // PyTorch's _Formatter: integral floats print as "2.", otherwise 4 decimals, and scientific notation when the
    // magnitudes span more than 1000x or leave [1e-4, 1e8).
    private static string[] FloatCells(double[] values)
    {
        var finite = values.Where(double.IsFinite).Select(Math.Abs).ToArray();
        var nonZero = finite.Where(v => v > 0).ToArray();
        var integral = finite.All(v => v == Math.Floor(v));
        var max = nonZero.Length > 0 ? nonZero.Max() : 0;
        var min = nonZero.Length > 0 ? nonZero.Min() : 0;
        var scientific = nonZero.Length > 0 && (max / min > 1000 || max >= 1e8 || min < 1e-4) && !(integral && max < 1e8);
        return values.Select(v =>
            double.IsNaN(v) ? "nan" :
            double.IsPositiveInfinity(v) ? "inf" :
            double.IsNegativeInfinity(v) ? "-inf" :
            scientific ? v.ToString("0.0000e+00", CultureInfo.InvariantCulture) :
            integral ? v.ToString("0", CultureInfo.InvariantCulture) + "." :
            v.ToString("0.0000", CultureInfo.InvariantCulture)).ToArray();
    }

    private static string Repr(Tensor tensor, long[] shape, string[] cells)
    {
        var text = new StringBuilder("tensor(");
        if (cells.Length == 0)
        {
            text.Append("[]");
            if (shape.Length != 1)
            {
                text.Append(", size=(").Append(string.Join(", ", shape)).Append(shape.Length == 1 ? ",)" : ")");
            }
        }
        else
        {
            var position = 0;
            AppendNested(text, shape, 0, cells, ref position);
        }
        if (tensor.dtype is not (ScalarType.Float32 or ScalarType.Int64 or ScalarType.Bool))
        {
            text.Append(", dtype=torch.").Append(PyTorchName(tensor.dtype));
        }
        if (tensor.device.type != DeviceType.CPU)
        {
            text.Append(", device='").Append(tensor.device.ToString()).Append('\'');
        }
        if (tensor.requires_grad)
        {
            text.Append(", requires_grad=True");
        }
        return text.Append(')').ToString();
    }

    private static void AppendNested(StringBuilder text, long[] shape, int depth, string[] cells, ref int position)
    {
        if (depth == shape.Length)
        {
            text.Append(cells[position++]);
            return;
        }
        text.Append('[');
        var innerDims = shape.Length - depth - 1;
        var separator = innerDims == 0 ? ", " : "," + new string('\n', innerDims) + new string(' ', "tensor(".Length + depth + 1);
        for (var i = 0; i < shape[depth]; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }
            AppendNested(text, shape, depth + 1, cells, ref position);
        }
        text.Append(']');
    }

    private static string HtmlTable(Tensor tensor, long[] shape, string[] cells)
    {
        var rows = shape.Length == 1 ? 1 : shape[0];
        var columns = shape.Length == 1 ? shape[0] : shape[1];
        var html = new StringBuilder("<table class=\"weclick-tensor\"><caption>tensor ")
            .Append('[').Append(string.Join(", ", shape)).Append("] ").Append(PyTorchName(tensor.dtype))
            .Append(' ').Append(WebUtility.HtmlEncode(tensor.device.ToString())).Append("</caption>");
        html.Append("<thead><tr><th></th>");
        for (var c = 0; c < columns; c++)
        {
            html.Append("<th>").Append(c).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows; r++)
        {
            html.Append("<tr><th>").Append(r).Append("</th>");
            for (var c = 0; c < columns; c++)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cells[r * columns + c].Trim())).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string Summary(Tensor tensor, long[] shape)
    {
        var text = new StringBuilder("tensor(shape=[").Append(string.Join(", ", shape)).Append("], dtype=")
            .Append(PyTorchName(tensor.dtype)).Append(", device=").Append(tensor.device.ToString());
        if (tensor.requires_grad)
        {
            text.Append(", requires_grad=True");
        }
        text.Append(')');
        var values = tensor.detach().reshape(-1).to(ScalarType.Float64);
        string Stat(Tensor t) => t.item<double>().ToString("G6", CultureInfo.InvariantCulture);
        text.Append("\nmin=").Append(Stat(values.min())).Append(" max=").Append(Stat(values.max()));
        if (tensor.dtype != ScalarType.Bool)
        {
            text.Append(" mean=").Append(Stat(values.mean())).Append(" std=").Append(Stat(values.std()));
        }
        return text.ToString();
    }

    /// <summary>The dtype as PyTorch names it (<c>torch.float32</c> without the <c>torch.</c>).</summary>
    public static string PyTorchName(ScalarType dtype) => dtype switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.ComplexFloat32 => "complex64",
        ScalarType.ComplexFloat64 => "complex128",
        ScalarType.Bool => "bool",
        _ => dtype.ToString().ToLowerInvariant(),
    };

    private static bool IsInteger(ScalarType dtype) =>
        dtype is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64;
}

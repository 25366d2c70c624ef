using System.Globalization;
using System.Text;

namespace WeClick.Torch;

// Text form of a tensor for logs, debuggers and notebooks.
public partial class Tensor
{
    /// <summary>How many leading values <see cref="ToString"/> shows.</summary>
    public const int PreviewCount = 6;

    /// <summary>Shape, dtype, device, the first few values, and whether it requires grad, e.g.
    /// <c>Tensor[2, 3] float32 cpu [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]</c>.</summary>
    public override string ToString()
    {
        if (IsDisposed)
        {
            return "Tensor (disposed)";
        }
        var text = new StringBuilder();
        text.Append("Tensor[").Append(string.Join(", ", shape)).Append("] ")
            .Append(dtype.PyTorchName()).Append(' ').Append(device.ToString());
        if (requires_grad)
        {
            text.Append(" requires_grad");
        }
        text.Append(' ').Append(Preview());
        return text.ToString();
    }

    private string Preview()
    {
        var count = numel();
        if (count == 0)
        {
            return "[]";
        }
        using var scope = torch.NewDisposeScope();
        using var flat = torch.no_grad();
        var head = this.detach().reshape(-1).narrow(0, 0, Math.Min(count, PreviewCount));
        var values = dtype switch
        {
            ScalarType.Bool => head.ToArray<bool>().Select(b => b ? "true" : "false"),
            ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 =>
                head.ToArray<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)),
            _ => head.ToArray<double>().Select(v => v.ToString("G5", CultureInfo.InvariantCulture)),
        };
        return "[" + string.Join(", ", values) + (count > PreviewCount ? ", ..." : "") + "]";
    }
}

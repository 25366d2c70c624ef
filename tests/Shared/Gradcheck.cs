using WeClick.Engine;
using System.Globalization;

namespace WeClick.Testing;

/// <summary>
/// <c>torch.autograd.gradcheck</c> for the tests (TorchSharp has none): analytic gradients against central finite
/// differences, in float64.
/// </summary>
internal static class Gradcheck
{
    /// <summary>
    /// Checks the gradients of <paramref name="function"/> with respect to every input that requires grad, as
    /// <c>torch.autograd.gradcheck</c>: the analytic Jacobian (row i from a backward pass with the one-hot vector eᵢ,
    /// so exact J, not a projection) must match the central difference (f(x + ε·eⱼ) − f(x − ε·eⱼ)) / 2ε entry by entry,
    /// |analytic − numerical| ≤ atol + rtol·|numerical|.
    /// </summary>
    /// <remarks>
    /// Costs one backward pass per output element and two forward passes per input element: keep the tensors tiny.
    /// Inputs are perturbed in place (under no_grad) and restored exactly. Inputs that do not require grad (integer
    /// targets, say) are passed through unchanged. The function must be deterministic (no dropout, no running-stat
    /// updates that change its result).
    /// </remarks>
    /// <param name="function">Maps the inputs to one output tensor (any shape).</param>
    /// <param name="inputs">The arguments; those with requires_grad must be float64.</param>
    /// <param name="eps">Finite-difference step.</param>
    /// <param name="atol">Absolute tolerance.</param>
    /// <param name="rtol">Relative tolerance (relative to the numerical value).</param>
    /// <param name="raiseException">Throw <see cref="GradcheckException"/> on a mismatch (default) rather than return false.</param>
    /// <returns>True when every entry matches; false on a mismatch when <paramref name="raiseException"/> is false.</returns>
    /// <exception cref="ArgumentException">No input requires grad, one that does is not float64, or eps is not positive.</exception>
    /// <exception cref="GradcheckException">Some Jacobian entry differs (the message names the input, the worst element and both values).</exception>
    public static bool Check(Func<Tensor[], Tensor> function, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5,
        double rtol = 1e-3, bool raiseException = true)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!(eps > 0))
        {
            throw new ArgumentException($"gradcheck: eps must be positive, got {eps}.", nameof(eps));
        }
        var differentiable = Enumerable.Range(0, inputs.Length).Where(i => inputs[i].requires_grad).ToArray();
        if (differentiable.Length == 0)
        {
            throw new ArgumentException("gradcheck: no input requires grad, so there is nothing to check.", nameof(inputs));
        }
        foreach (var i in differentiable)
        {
            if (inputs[i].dtype != ScalarType.Float64)
            {
                throw new ArgumentException(
                    $"gradcheck: input {i} is {DtypeNames.PyTorchName(inputs[i].dtype)}; finite differences need float64 (convert with .to(float64)).",
                    nameof(inputs));
            }
        }

        var analytic = AnalyticJacobians(function, inputs, differentiable, out var outputCount);
        using var noGrad = torch.no_grad();
        for (var k = 0; k < differentiable.Length; k++)
        {
            var input = inputs[differentiable[k]];
            var shape = input.shape;
            var count = input.numel();
            var mismatches = 0;
            (long j, long i, double numerical, double analytical, double excess) worst = (-1, -1, 0, 0, double.NegativeInfinity);
            for (long j = 0; j < count; j++)
            {
                var numerical = NumericalColumn(function, inputs, input, shape, j, eps);
                for (long i = 0; i < outputCount; i++)
                {
                    var a = analytic[k][i * count + j];
                    var n = numerical[i];
                    var excess = Math.Abs(a - n) - (atol + rtol * Math.Abs(n));
                    if (!(excess <= 0))
                    {
                        mismatches++;
                        var e = double.IsNaN(excess) ? double.PositiveInfinity : excess;
                        if (e > worst.excess)
                        {
                            worst = (j, i, n, a, e);
                        }
                    }
                }
            }
            if (mismatches > 0)
            {
                if (!raiseException)
                {
                    return false;
                }
                throw new GradcheckException(string.Create(CultureInfo.InvariantCulture,
                    $"gradcheck: Jacobian mismatch for input {differentiable[k]} (shape [{string.Join(", ", shape)}]): " +
                    $"{mismatches} of {count * outputCount} entries differ; the worst is input element {worst.j} " +
                    $"(index [{string.Join(", ", Unravel(shape, worst.j))}]), output element {worst.i}: " +
                    $"numerical {worst.numerical:R}, analytical {worst.analytical:R} " +
                    $"(|difference| {Math.Abs(worst.numerical - worst.analytical):R} > atol {atol} + rtol {rtol}·|numerical|)."));
            }
        }
        return true;
    }

    /// <summary>For each differentiable input, its Jacobian block [outputs × input elements] in row-major order.</summary>
    private static double[][] AnalyticJacobians(Func<Tensor[], Tensor> function, Tensor[] inputs, int[] differentiable, out long outputCount)
    {
        using var scope = torch.NewDisposeScope();
        var output = function(inputs);
        var rows = output.numel();
        outputCount = rows;
        var counts = differentiable.Select(i => inputs[i].numel()).ToArray();
        var jacobians = counts.Select(n => new double[rows * n]).ToArray();
        if (!output.requires_grad)
        {
            // Nothing flows back: the analytic Jacobian is zero (and will not match a function that does depend on its inputs).
            return jacobians;
        }
        var targets = differentiable.Select(i => inputs[i]).ToArray();
        var outputShape = output.shape;
        for (long i = 0; i < rows; i++)
        {
            using var step = torch.NewDisposeScope();
            var basis = torch.zeros(outputShape, output.dtype, output.device);
            Element(basis, outputShape, i).fill_(1);
            var grads = torch.autograd.grad([output], targets, [basis], retain_graph: true, allow_unused: true);
            for (var k = 0; k < grads.Count; k++)
            {
                // allow_unused: an input the output does not depend on comes back as an undefined tensor (zero handle).
                if (!grads[k].IsInvalid)
                {
                    var row = TensorAssert.Doubles(grads[k]);
                    Array.Copy(row, 0, jacobians[k], i * counts[k], row.Length);
                }
            }
        }
        return jacobians;
    }

    /// <summary>(f(x + ε·eⱼ) − f(x − ε·eⱼ)) / 2ε for element <paramref name="j"/> of <paramref name="input"/>, flattened.</summary>
    private static double[] NumericalColumn(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor input, long[] shape, long j, double eps)
    {
        using var scope = torch.NewDisposeScope();
        var element = Element(input, shape, j);
        var original = element.item<double>();
        try
        {
            element.fill_(original + eps);
            var plus = TensorAssert.Doubles(function(inputs));
            element.fill_(original - eps);
            var minus = TensorAssert.Doubles(function(inputs));
            for (var i = 0; i < plus.Length; i++)
            {
                plus[i] = (plus[i] - minus[i]) / (2 * eps);
            }
            return plus;
        }
        finally
        {
            element.fill_(original);
        }
    }

    /// <summary>A one-element view of flat (row-major) element <paramref name="index"/>, for any strides and device.</summary>
    private static Tensor Element(Tensor t, long[] shape, long index)
    {
        var view = t.alias();
        var position = Unravel(shape, index);
        for (var d = 0; d < shape.Length; d++)
        {
            view = view.narrow(d, position[d], 1);
        }
        return view;
    }

    private static long[] Unravel(long[] shape, long index)
    {
        var position = new long[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            position[d] = index % shape[d];
            index /= shape[d];
        }
        return position;
    }
}

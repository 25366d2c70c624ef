using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>
/// Folds each eval-mode BatchNorm2d into the Conv2d that feeds it, for inference: the BN's elementwise pass leaves the
/// forward and the conv computes the same function.
/// </summary>
/// <remarks>
/// <para>In eval mode BN(conv(x)) = γ·(W∗x + b − μ)/√(σ² + ε) + β with the running mean μ and variance σ², an affine
/// map per output channel, so with s = γ/√(σ² + ε):</para>
/// <para>W' = W · s[:, None, None, None],  b' = (b − μ) · s + β  (b = 0 for a conv without bias).</para>
/// <para>Computed in float64 and cast back to the weight's dtype, so the folded model differs from the unfolded one only by
/// float32 rounding of the convolution's sums. The folded parameters do not require gradients.</para>
/// <para>Inference only: the folded model has no BatchNorm layers and no BN keys in its state dict, so it can neither be
/// trained (training-mode BN would use batch statistics) nor be saved as a training checkpoint, which the unfolded model
/// and its PyTorch twin load. Fold a model that is used for forward passes in eval mode and nothing else.</para>
/// </remarks>
public static class BatchNormFolding
{
    /// <summary>
    /// Folds every BatchNorm2d of <paramref name="model"/> that directly follows a Conv2d (with or without bias) in one of the
    /// models' layers (<see cref="LayerSequence"/>, ResNet blocks and stem) into that conv, and removes it.
    /// </summary>
    /// <param name="model">A model in eval mode.</param>
    /// <returns>How many BatchNorm2d layers were folded; 0 for a model already folded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The model, or one of its BatchNorm2d layers, is in training mode (folding
    /// uses the running statistics, which only eval mode uses).</exception>
    public static int Fold(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modules = PreOrder(model).ToList(); // a snapshot: folding unregisters modules while we walk
        var training = modules.FirstOrDefault(m => m.training && (ReferenceEquals(m, model) || m is BatchNorm2d));
        if (training is not null)
        {
            throw new InvalidOperationException(
                $"Cannot fold BatchNorm into the convolutions of {model.GetName()}: {(ReferenceEquals(training, model) ? "the model" : "a BatchNorm2d of it")} "
                + "is in training mode. Folding uses the running statistics, which only eval mode uses: call model.eval() first "
                + "(and fold only a model used for inference).");
        }
        var folded = 0;
        foreach (var module in modules.OfType<IFoldsBatchNorm>())
        {
            folded += module.FoldBatchNorm();
        }
        return folded;
    }

    /// <summary>Folds <paramref name="bn"/> into <paramref name="conv"/> (the formula in the class remarks); <paramref name="bn"/> is left untouched.</summary>
    /// <exception cref="NotSupportedException"><paramref name="bn"/> tracks no running statistics, or its channels differ from the conv's outputs.</exception>
    internal static void FoldInto(Conv2d conv, BatchNorm2d bn)
    {
        if (bn.running_mean is null || bn.running_var is null)
        {
            throw new NotSupportedException("A BatchNorm2d without running statistics (track_running_stats = false) normalises with batch statistics and cannot be folded.");
        }
        var weight = conv.weight!;
        if (weight.size(0) != bn.num_features)
        {
            throw new NotSupportedException($"A BatchNorm2d of {bn.num_features} channels cannot fold into a Conv2d with {weight.size(0)} outputs.");
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var dtype = weight.dtype;
        var mean = bn.running_mean.to(float64);
        var scale = (bn.affine ? bn.weight.to(float64) : ones_like(mean)).div(bn.running_var.to(float64).add(bn.eps).sqrt()); // [C_out]
        var shift = bn.affine && bn.bias is { } beta ? beta.to(float64) : zeros_like(mean);
        var bias = conv.bias is { } b ? b.to(float64) : zeros_like(mean);
        var foldedWeight = weight.to(float64).mul(scale.view(-1, 1, 1, 1)).to(dtype);  // [C_out, C_in/groups, kH, kW]
        var foldedBias = bias.sub(mean).mul(scale).add(shift).to(dtype);              // [C_out]
        // The setters dispose the old parameters, re-register and take the new ones out of this scope.
        conv.weight = new Parameter(foldedWeight, requires_grad: false);
        conv.bias = new Parameter(foldedBias, requires_grad: false);
    }

    /// <summary>
    /// Folds the BatchNorm2d in the field <paramref name="bn"/> of <paramref name="owner"/> (registered as <paramref name="name"/>)
    /// into <paramref name="conv"/>, unregisters and disposes it and sets the field to null; returns 1, or 0 when the field is already null.
    /// </summary>
    internal static int FoldField(nn.Module owner, Conv2d conv, ref BatchNorm2d? bn, string name)
    {
        if (bn is null)
        {
            return 0;
        }
        FoldInto(conv, bn);
        owner.register_module(name, null!); // null removes the registration
        bn.Dispose();
        bn = null;
        return 1;
    }

    // The module and its descendants, each before its children (PyTorch's Module.modules() order).
    private static IEnumerable<nn.Module> PreOrder(nn.Module module)
    {
        yield return module;
        foreach (var (_, child) in module.named_children())
        {
            foreach (var descendant in PreOrder(child))
            {
                yield return descendant;
            }
        }
    }
}

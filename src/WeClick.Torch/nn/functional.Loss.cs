using WeClick.Torch.Interop;

namespace WeClick.Torch;

// torch.nn.functional losses: cross_entropy, nll_loss, kl_div, mse_loss.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>libtorch's at::Reduction code (0 none, 1 mean, 2 sum); batchmean only where the caller handles it.</summary>
            private static long ReductionCode(Reduction reduction, string operation) => reduction switch
            {
                Reduction.None => 0,
                Reduction.Mean => 1,
                Reduction.Sum => 2,
                Reduction.BatchMean => throw new ArgumentException(
                    $"{operation}: reduction BatchMean is only defined for kl_div; use None, Mean or Sum.", nameof(reduction)),
                _ => throw new ArgumentException($"{operation}: unknown reduction {(int)reduction}.", nameof(reduction)),
            };

            /// <summary>
            /// Cross-entropy of logits, as <c>F.cross_entropy</c>: for class-index targets
            /// ℓₙ = −w_{yₙ}·log softmax(xₙ)_{yₙ}; with label smoothing ε the target is (1 − ε)·onehot(yₙ) + ε/C, the smoothing
            /// term weighted per class by w. Mean divides by Σₙ w_{yₙ} over non-ignored samples.
            /// </summary>
            /// <param name="input">Logits [N, C] or [N, C, d1, ...] (or [C]).</param>
            /// <param name="target">Class indices (int64) [N] or [N, d1, ...]; or class probabilities with <paramref name="input"/>'s shape.</param>
            /// <param name="weight">Per-class weights [C], or null.</param>
            /// <param name="ignore_index">Targets equal to this contribute nothing (and are left out of the mean's divisor).</param>
            /// <param name="reduction">None, Mean (PyTorch's default) or Sum. With Mean and every target ignored the result is NaN (0/0), as in PyTorch.</param>
            /// <param name="label_smoothing">ε in [0, 1].</param>
            /// <exception cref="ArgumentException"><paramref name="reduction"/> is BatchMean.</exception>
            /// <exception cref="TorchException">Shapes do not match, a target is out of range, or ε is outside [0, 1] (libtorch's message).</exception>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                var code = ReductionCode(reduction, nameof(cross_entropy));
                var result = Tensor.Wrap(NativeMethods.WcLoss_cross_entropy(input.Handle, target.Handle, Raw(weight), code, ignore_index,
                    label_smoothing, out var r), r);
                GC.KeepAlive(weight);
                return result;
            }

            /// <summary>
            /// Negative log-likelihood of log-probabilities, as <c>F.nll_loss</c>: ℓₙ = −w_{yₙ}·x_{n, yₙ}; Mean divides by
            /// Σₙ w_{yₙ} over non-ignored samples.
            /// </summary>
            /// <param name="input">Log-probabilities [N, C] or [N, C, d1, ...] (or [C]).</param>
            /// <param name="target">Class indices (int64) [N] or [N, d1, ...].</param>
            /// <param name="weight">Per-class weights [C], or null.</param>
            /// <param name="ignore_index">Targets equal to this contribute nothing.</param>
            /// <param name="reduction">None, Mean (PyTorch's default) or Sum.</param>
            /// <exception cref="ArgumentException"><paramref name="reduction"/> is BatchMean.</exception>
            /// <exception cref="TorchException">Shapes do not match or a target is out of range (libtorch's message).</exception>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean)
            {
                var code = ReductionCode(reduction, nameof(nll_loss));
                var result = Tensor.Wrap(NativeMethods.WcLoss_nll_loss(input.Handle, target.Handle, Raw(weight), code, ignore_index, out var r), r);
                GC.KeepAlive(weight);
                return result;
            }

            /// <summary>
            /// Kullback–Leibler divergence KL(target ‖ q) with log q = <paramref name="input"/>, as <c>F.kl_div</c>:
            /// pointwise ℓ = p·(log p − input), where p = target, or p = exp(target) when <paramref name="log_target"/>
            /// (terms with p = 0 count as 0).
            /// </summary>
            /// <remarks>
            /// Both <paramref name="reduction"/> and <paramref name="log_target"/> are required on purpose: PyTorch's default
            /// reduction ('mean') divides by the element count, which is not the KL divergence, and TorchSharp's default for
            /// log_target differs from PyTorch's (false). BatchMean (sum / batch size) is the mathematical KL per sample.
            /// </remarks>
            /// <param name="input">Log-probabilities, any shape; the batch is dimension 0.</param>
            /// <param name="target">Probabilities (or log-probabilities) broadcastable to <paramref name="input"/>.</param>
            /// <param name="reduction">None, Mean (over all elements), Sum, or BatchMean (sum divided by input.size(0)).</param>
            /// <param name="log_target">Whether <paramref name="target"/> holds log-probabilities.</param>
            /// <exception cref="TorchException">The shapes do not broadcast (libtorch's message).</exception>
            public static Tensor kl_div(Tensor input, Tensor target, Reduction reduction, bool log_target)
            {
                if (reduction != Reduction.BatchMean)
                {
                    var code = ReductionCode(reduction, nameof(kl_div));
                    return Tensor.Wrap(NativeMethods.WcLoss_kl_div(input.Handle, target.Handle, code, log_target ? 1 : 0, out var r), r);
                }
                // As torch/nn/functional.py: 'batchmean' is 'sum' divided by the batch size (skipped for a 0-d input).
                var sum = Tensor.Wrap(NativeMethods.WcLoss_kl_div(input.Handle, target.Handle, 2, log_target ? 1 : 0, out var s), s);
                if (input.dim() == 0)
                {
                    return sum;
                }
                using (sum)
                {
                    return sum.div(input.size(0));
                }
            }

            /// <summary>Mean squared error, as <c>F.mse_loss</c>: ℓ = (input − target)², then reduced.</summary>
            /// <param name="input">Any shape.</param>
            /// <param name="target">Broadcastable to <paramref name="input"/>.</param>
            /// <param name="reduction">None, Mean (PyTorch's default) or Sum.</param>
            /// <exception cref="ArgumentException"><paramref name="reduction"/> is BatchMean.</exception>
            /// <exception cref="TorchException">The shapes do not broadcast (libtorch's message).</exception>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                var code = ReductionCode(reduction, nameof(mse_loss));
                return Tensor.Wrap(NativeMethods.WcLoss_mse_loss(input.Handle, target.Handle, code, out var r), r);
            }
        }
    }
}

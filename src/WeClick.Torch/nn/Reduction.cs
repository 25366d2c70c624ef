namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss reduces its per-element values, as PyTorch's <c>reduction=</c> strings.</summary>
        public enum Reduction
        {
            /// <summary><c>'none'</c>: one loss value per element (or per sample).</summary>
            None,

            /// <summary><c>'mean'</c>: the (weighted) mean.</summary>
            Mean,

            /// <summary><c>'sum'</c>: the sum.</summary>
            Sum,

            /// <summary><c>'batchmean'</c>: the sum divided by the batch size (only <c>kl_div</c>; the mathematically correct KL).</summary>
            BatchMean,
        }
    }
}

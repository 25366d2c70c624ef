namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with one input and one output: implement <see cref="forward"/>, call it with <see cref="call"/>.</summary>
        /// <typeparam name="TInput">The input type (a <see cref="Tensor"/> for most layers).</typeparam>
        /// <typeparam name="TResult">The output type.</typeparam>
        public abstract class Module<TInput, TResult> : Module
        {
            /// <summary>The computation (PyTorch's <c>forward</c>).</summary>
            public abstract TResult forward(TInput input);

            /// <summary>Runs the module, as calling it in PyTorch (<c>module(x)</c>).</summary>
            public TResult call(TInput input) => forward(input);
        }
    }
}

namespace WeClick.Testing;

/// <summary>Raised by <see cref="Gradcheck.Check"/> when analytic and numerical Jacobians differ (PyTorch's <c>GradcheckError</c>).</summary>
internal sealed class GradcheckException : Exception
{
    /// <summary>Creates the exception with a message naming the input, the worst element and both values.</summary>
    /// <param name="message">What differs, and by how much.</param>
    public GradcheckException(string message) : base(message)
    {
    }
}

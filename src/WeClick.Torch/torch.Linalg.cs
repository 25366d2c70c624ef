namespace WeClick.Torch;

// Static forms of the matrix products.
public static partial class torch
{
    /// <summary>Matrix product with torch.matmul's rules.</summary>
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    /// <summary>Product of two 2-D matrices.</summary>
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);
    /// <summary>Batched matrix product.</summary>
    public static Tensor bmm(Tensor input, Tensor mat2) => input.bmm(mat2);
    /// <summary>Inner product of two 1-D tensors.</summary>
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);
    /// <summary>Outer product of two 1-D tensors.</summary>
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);
}

using TorchSharp;
using WeClick.Engine;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>
/// PyTorch idioms that TorchSharp's <c>nn.Module</c> lacks, with PyTorch's names so that code ports line by line:
/// <c>sum(p.numel() for p in m.parameters())</c> and <c>m.requires_grad_(flag)</c>.
/// </summary>
public static class ModuleExtensions
{
    /// <summary>The number of parameter elements (buffers such as BN running statistics not counted): the paper's "parameters".</summary>
    public static long parameter_count(this nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }

    /// <summary>
    /// The state dict in PyTorch's order — a module's own parameters, its own persistent buffers, then each child in
    /// registration order, depth first (<c>conv1.weight</c>, <c>bn1.weight</c>, <c>bn1.bias</c>, <c>bn1.running_mean</c>,
    /// ...) — where TorchSharp's <c>state_dict</c> lists every parameter of the tree before any buffer. The names and
    /// tensors are the same; only the order, which the saved files and the key lists compared with torchvision's keep, differs.
    /// </summary>
    internal static Dictionary<string, Tensor> PyTorchStateDict(nn.Module module, Dictionary<string, Tensor>? destination, string? prefix)
    {
        destination ??= new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in module.OrderedStateDict())
        {
            destination.TryAdd(string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}", tensor);
        }
        return destination;
    }

    /// <summary>Sets <c>requires_grad</c> of every parameter, as PyTorch's <c>Module.requires_grad_</c>; returns the module.</summary>
    public static T requires_grad_<T>(this T module, bool requiresGrad = true) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var p in module.parameters())
        {
            p.requires_grad = requiresGrad;
        }
        return module;
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Flow;

/// <summary>
/// A learned flow net exported to TorchScript and run by libtorch — torchvision's RAFT by default
/// (data-scripts/flow/export_raft.py). The paper used FlowNet 2.0, whose custom CUDA layers libtorch cannot load
/// (algorithms.md A9); RAFT is the TorchScript-able substitute. <c>forward(image1, image2, num_flow_updates)</c> returns
/// the list of refinements on image1's grid with image1(p) ≈ image2(p + flow(p)), so image1 = target and image2 =
/// neighbour give this interface's convention directly; the last refinement is used.
/// </summary>
public sealed class TorchScriptFlowEstimator : IFlowEstimator, IDisposable
{
    private readonly jit.ScriptModule _module;
    private readonly Device _device;

    /// <summary>Loads the scripted net.</summary>
    /// <param name="path">A <c>torch.jit.save</c>d RAFT (or any net with RAFT's forward signature and output).</param>
    /// <param name="flowUpdates">RAFT's recurrent refinement count (12 in torchvision's defaults).</param>
    /// <param name="device">Where to run it (default CPU).</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">libtorch cannot load the file (the message names it and gives libtorch's reason).</exception>
    public TorchScriptFlowEstimator(string path, int flowUpdates = 12, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flowUpdates, 1);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"TorchScript flow net not found: '{path}'.", path);
        }
        _device = device ?? CPU;
        try
        {
            _module = jit.load(path, _device);
        }
        catch (ExternalException e)
        {
            throw new InvalidDataException($"'{path}' is not a TorchScript module libtorch can load: {e.Message}", e);
        }
        _module.eval();
        FlowUpdates = flowUpdates;
        using var file = File.OpenRead(path);
        var digest = Convert.ToHexString(SHA256.HashData(file))[..12].ToLowerInvariant();
        Key = string.Create(CultureInfo.InvariantCulture, $"torchscript-{Path.GetFileNameWithoutExtension(path)}-{digest}-updates{flowUpdates}");
    }

    /// <summary>Refinement iterations per estimate.</summary>
    public int FlowUpdates { get; }

    /// <inheritdoc/>
    public string Key { get; }

    /// <inheritdoc/>
    public Tensor Estimate(Tensor target, Tensor neighbour)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long height = target.size(0), width = target.size(1);
        // RAFT returns List[Tensor], which TorchSharp hands back as Tensor[] (each output registered with this scope).
        var outputs = _module.forward(Prepare(target), Prepare(neighbour), (long)FlowUpdates) switch
        {
            Tensor[] list when list.Length > 0 => list,
            Tensor single => [single],
            var other => throw new InvalidOperationException(
                $"TorchScript flow net '{Key}': forward returned {other?.GetType().Name ?? "null"}, expected a list of flow tensors."),
        };
        var flow = outputs[^1].narrow(2, 0, height).narrow(3, 0, width)[0]; // [1, 2, H8, W8] → [2, H, W]
        return flow.cpu().contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Releases the net.</summary>
    public void Dispose() => _module.Dispose();

    // uint8 [H, W, 3] → float [1, 3, H8, W8] in [−1, 1] (torchvision's Raft transforms), edge-padded to multiples of 8.
    private Tensor Prepare(Tensor image)
    {
        var x = image.permute(2, 0, 1).unsqueeze(0).to(ScalarType.Float32, _device).div(255).sub(0.5).div(0.5);
        long padBottom = (8 - image.size(0) % 8) % 8, padRight = (8 - image.size(1) % 8) % 8;
        return padBottom + padRight == 0 ? x : F.pad(x, [0, padRight, 0, padBottom], PaddingModes.Replicate);
    }
}

namespace WeClick.Models;

/// <summary>
/// Where ImageNet weights for one backbone of the catalogue come from, and the command that makes the file
/// <see cref="Backbones.ImageNetWeights.Load"/> (config key <c>backboneWeights</c>) reads.
/// </summary>
/// <param name="Backbone">The catalogue's backbone name (<c>resnet18</c>, <c>mobilenetv2</c>, ...).</param>
/// <param name="File">The file the command writes, relative to the repository root.</param>
/// <param name="Origin">What the weights are (which training, which network).</param>
/// <param name="Command">The command that makes <paramref name="File"/>.</param>
/// <param name="NeedsDownload">True where the command downloads the weights from outside the package registries, which
/// machines without internet access (this project's included) cannot do.</param>
public sealed record BackboneWeightsSource(string Backbone, string File, string Origin, string Command, bool NeedsDownload);

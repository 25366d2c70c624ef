using TorchSharp;
using WeClick.Engine;
using WeClick.Models;
using WeClick.Models.Backbones;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Experiments;

/// <summary>
/// The networks of an experiment config: built from the catalogue with their ImageNet backbone (<c>teacher</c>,
/// <c>student</c>), or loaded with a run's trained weights for evaluation and inference.
/// </summary>
public static class ExperimentModels
{
    /// <summary>Builds a network of the catalogue for <paramref name="classes"/> classes, with ImageNet weights if configured.</summary>
    public static Segmentor CreateModel(ModelConfig model, long classes, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var segmentor = ModelCatalog.Create(model.Name, new ModelOptions(classes, model.OutputStride, model.WidthMultiplier));
        if (model.BackboneWeights is { } weights)
        {
            if (!File.Exists(weights))
            {
                segmentor.Dispose();
                throw new FileNotFoundException(
                    $"Backbone weights '{weights}' do not exist: make them (`weclick weights import` for resnet18, data-scripts/weights/convert_torchvision.py for the others; `weclick models` lists each) or pass --set <teacher|student>.backboneWeights=null.", weights);
            }
            ImageNetWeights.Load(segmentor.Backbone, weights);
        }
        if (device is { } d)
        {
            segmentor.to(d);
        }
        return segmentor;
    }

    /// <summary>
    /// What a run's network starts from, for its log: <c>deeplabv3plus-resnet18 backbone initialised from '&lt;file&gt;'
    /// (&lt;the file's "source" metadata&gt;)</c>, or null without (existing) backbone weights. The pretrained weights decide
    /// much of a result, so a run says which it used.
    /// </summary>
    public static string? DescribeBackboneWeights(ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.BackboneWeights is not { } weights || !File.Exists(weights))
        {
            return null;
        }
        var origin = Safetensors.ReadHeader(weights).Metadata.TryGetValue("source", out var source) ? $" ({source})" : "";
        return $"{model.Name} backbone initialised from '{weights}'{origin}";
    }

    /// <summary>A network of the catalogue with trained weights (a run's <c>best.safetensors</c>), for evaluation and inference.</summary>
    /// <exception cref="FileNotFoundException">The weights file does not exist (named).</exception>
    public static Segmentor LoadTrained(ModelConfig model, long classes, string weights, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"Trained weights '{weights}' do not exist.", weights);
        }
        var segmentor = CreateModel(model with { BackboneWeights = null }, classes, device);
        try
        {
            segmentor.LoadWeights(weights);
            return segmentor;
        }
        catch
        {
            segmentor.Dispose();
            throw;
        }
    }
}

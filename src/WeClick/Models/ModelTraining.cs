using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeClick.Models;

/// <summary>What the trainers need from a model: freezing a teacher, and separate learning rates for backbone and head.</summary>
public static class ModelTraining
{
    /// <summary>
    /// Makes <paramref name="model"/> a frozen teacher (WeClick §3.3: the teacher only provides targets): no parameter
    /// requires gradients and every module, BatchNorm included, is in eval mode (running statistics, no updates).
    /// Call it again after any <c>train()</c> on the model.
    /// </summary>
    public static void Freeze(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.requires_grad_(false);
        model.eval();
    }

    /// <summary>Undoes <see cref="Freeze"/>: every parameter requires gradients and the model is in training mode.</summary>
    public static void Unfreeze(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.requires_grad_(true);
        model.train();
    }

    /// <summary>
    /// Two SGD parameter groups (the trainers' optimiser, WeClick §4.1): the backbone at <paramref name="backboneLr"/> and
    /// the head at <paramref name="headLr"/> (a pretrained backbone is often fine-tuned more gently than a freshly
    /// initialised head). Only the learning rate is set per group; momentum, dampening and weight decay are left unset, so
    /// the <c>SGD</c> the groups are given to fills them with its own values. Frozen parameters are left out.
    /// </summary>
    /// <exception cref="ArgumentException">Every parameter is frozen (the message names the model).</exception>
    public static IReadOnlyList<SGD.ParamGroup> ParameterGroups(Segmentor model, double backboneLr, double headLr)
    {
        ArgumentNullException.ThrowIfNull(model);
        var groups = new List<SGD.ParamGroup>();
        var backbone = Trainable(model.Backbone);
        var head = Trainable(model.Head);
        if (backbone.Count > 0)
        {
            groups.Add(new SGD.ParamGroup(backbone, new SGD.Options { LearningRate = backboneLr }));
        }
        if (head.Count > 0)
        {
            groups.Add(new SGD.ParamGroup(head, new SGD.Options { LearningRate = headLr }));
        }
        if (groups.Count == 0)
        {
            throw new ArgumentException($"Every parameter of {model.Name} is frozen; there is nothing to optimise.", nameof(model));
        }
        return groups;
    }

    private static List<Parameter> Trainable(nn.Module module) => module.parameters().Where(p => p.requires_grad).ToList();
}

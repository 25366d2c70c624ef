using WeClick.Torch;
using WeClick.Torch.Modules;
using WeClick.Torch.Optim;
using static WeClick.Torch.torch;

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
    /// Two optimizer parameter groups: the backbone at <paramref name="backboneLr"/> and the head at <paramref name="headLr"/>
    /// (a pretrained backbone is often fine-tuned more gently than a freshly initialised head). Frozen parameters are left out.
    /// </summary>
    public static IReadOnlyList<ParamGroup> ParameterGroups(Segmentor model, double backboneLr, double headLr)
    {
        ArgumentNullException.ThrowIfNull(model);
        var groups = new List<ParamGroup>();
        var backbone = Trainable(model.Backbone);
        var head = Trainable(model.Head);
        if (backbone.Count > 0)
        {
            groups.Add(new ParamGroup(backbone, lr: backboneLr));
        }
        if (head.Count > 0)
        {
            groups.Add(new ParamGroup(head, lr: headLr));
        }
        if (groups.Count == 0)
        {
            throw new ArgumentException($"Every parameter of {model.Name} is frozen; there is nothing to optimise.", nameof(model));
        }
        return groups;
    }

    private static List<Parameter> Trainable(nn.Module module) => module.parameters().Where(p => p.requires_grad).ToList();
}

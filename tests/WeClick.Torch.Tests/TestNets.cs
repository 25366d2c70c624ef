using WeClick.Torch.Modules;

namespace WeClick.Torch.Tests;

/// <summary>A conv-BN-ReLU6 block (mirrors Block in Reference/modules.py); registers its fields by reflection.</summary>
internal sealed class Block : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv = nn.Conv2d(6, 6, 3, padding: 1, bias: false);
    private readonly BatchNorm2d bn = nn.BatchNorm2d(6);
    private readonly ReLU6 act = nn.ReLU6();

    public Block() => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return act.forward(bn.forward(conv.forward(input))).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// Mirrors Net in Reference/modules.py. Uses an underscore field (<c>_block</c> → "block") and an
/// auto-property (<c>fc</c>) to exercise RegisterComponents' naming.
/// </summary>
internal sealed class Net : nn.Module<Tensor, Tensor>
{
    private readonly Sequential features = nn.Sequential(
        nn.Conv2d(3, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(),
        nn.Conv2d(4, 6, 3, stride: 2, bias: false), nn.BatchNorm2d(6), nn.ReLU6());
    private readonly Block _block = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> heads = nn.ModuleList<nn.Module<Tensor, Tensor>>(nn.Identity(), nn.Dropout(0.0));

    public Net() => RegisterComponents();

    public Linear fc { get; } = nn.Linear(54, 5);

    public Sequential Features => features;

    public override Tensor forward(Tensor input)
    {
        var x = _block.forward(features.forward(input));
        foreach (var h in heads)
        {
            x = h.forward(x);
        }
        return fc.forward(x.reshape(x.shape[0], -1));
    }
}

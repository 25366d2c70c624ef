using TorchSharp.Modules;

namespace WeClick.Core.Tests.Engine;

/// <summary>A conv-BN-ReLU6 block (mirrors Block in Reference/test_nets.py); fields are named as PyTorch's attributes.</summary>
internal sealed class Block : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv = nn.Conv2d(6, 6, 3, padding: 1, bias: false);
    private readonly BatchNorm2d bn = nn.BatchNorm2d(6);
    private readonly ReLU6 act = nn.ReLU6();

    public Block() : base(nameof(Block)) => RegisterComponents();

    public override Tensor forward(Tensor input) => act.call(bn.call(conv.call(input)));
}

/// <summary>Mirrors Net in Reference/test_nets.py: nested Sequential, a custom block, a ModuleList and a Linear head.</summary>
internal sealed class Net : nn.Module<Tensor, Tensor>
{
    private readonly Sequential features = nn.Sequential(
        nn.Conv2d(3, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(),
        nn.Conv2d(4, 6, 3, stride: 2, bias: false), nn.BatchNorm2d(6), nn.ReLU6());
    private readonly Block block = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> heads = nn.ModuleList<nn.Module<Tensor, Tensor>>(nn.Identity(), nn.Dropout(0.0));
    private readonly Linear fc = nn.Linear(54, 5);

    public Net() : base(nameof(Net)) => RegisterComponents();

    public Linear Fc => fc;

    public override Tensor forward(Tensor input)
    {
        var x = block.call(features.call(input));
        foreach (var h in heads)
        {
            x = h.call(x);
        }
        return fc.call(x.reshape(x.shape[0], -1));
    }
}

namespace WeClick.Torch.Tests;

/// <summary>The examples in README.md and src/WeClick.Torch/README.md run as written (so they cannot rot).</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void RootReadme_BindingExample()
    {
        // --- as in README.md, "Using the binding" ---
        manual_seed(0);
        using var scope = NewDisposeScope();               // frees every temporary of this block
        var x = randn(2, 3, 32, 32);
        var w = randn(8, 3, 3, 3).requires_grad_();
        var y = nn.functional.conv2d(x, w, padding: (1, 1)).relu().sum();
        y.backward();
        Console.WriteLine(w.grad);                         // Tensor[8, 3, 3, 3] float32 cpu [...]
        // ---
        Assert.StartsWith("Tensor[8, 3, 3, 3] float32 cpu [", w.grad!.ToString());
    }

    [Fact]
    public void BindingReadme_TrainingLoopExample()
    {
        manual_seed(0);
        using var model = nn.Sequential(nn.Conv2d(3, 4, 3, padding: 1), nn.ReLU(), nn.Conv2d(4, 2, 1));
        using var optimizer = new Optim.SGD(model.parameters(), lr: 0.1, momentum: 0.9);
        using var input = randn(4, 3, 8, 8);
        using var target = randint(0, 2, [4, 8, 8]);
        Func<Tensor, Tensor, Tensor> criterion = (logits, t) => nn.functional.cross_entropy(logits, t);
        var losses = new List<float>();
        const int steps = 20;
        // --- as in src/WeClick.Torch/README.md, "Ownership" ---
        for (var step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();   // one per training step
            var loss = criterion(model.call(input), target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());                // read values out before the scope ends
        }
        // ---
        Assert.True(losses[^1] < losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }
}

using WeClick.Data;

namespace WeClick.Core.Tests.Evaluation;

/// <summary>An in-memory split of random frames and labels (single-frame clips) for evaluator tests.</summary>
internal sealed class MemoryClipDataset : IClipDataset, IDisposable
{
    private readonly Tensor[] images;
    private readonly Tensor[] labels;

    /// <summary><paramref name="count"/> random uint8 images and labels in 0..classes − 1, about a tenth of pixels void.</summary>
    public MemoryClipDataset(int count, int height, int width, ClassSet classes, int seed)
    {
        Classes = classes;
        manual_seed(seed);
        images = new Tensor[count];
        labels = new Tensor[count];
        for (var i = 0; i < count; i++)
        {
            images[i] = randint(0, 256, [height, width, 3], ScalarType.Byte);
            using var raw = randint(0, classes.Count * 10 / 9 + 1, [height, width], ScalarType.Byte);
            labels[i] = raw.masked_fill(raw.ge(classes.Count), classes.IgnoreIndex);
        }
    }

    public string Name => "memory/val";

    public int Count => images.Length;

    public ClassSet Classes { get; }

    public IReadOnlyList<Tensor> Images => images;

    public IReadOnlyList<Tensor> Labels => labels;

    public string ItemName(int index) => $"frame{index}";

    public Clip GetClip(int index, Random random)
    {
        using var valid = ones([images[index].size(0), images[index].size(1)], ScalarType.Byte);
        return new Clip(ItemName(index), 0, images[index].clone(), labels[index].clone(), valid.clone(), []);
    }

    public void Dispose()
    {
        foreach (var t in images.Concat(labels))
        {
            t.Dispose();
        }
    }
}

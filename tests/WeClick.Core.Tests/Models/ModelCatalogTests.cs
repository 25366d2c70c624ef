using System.Globalization;
using System.Text.RegularExpressions;
using WeClick.Models;

namespace WeClick.Core.Tests.Models;

public partial class ModelCatalogTests
{
    public static TheoryData<string, int> EveryModelAtBothStrides()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ModelCatalog.Names)
        {
            data.Add(name, 8);
            data.Add(name, 16);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryModelAtBothStrides))]
    public void Model_RunsForwardAndBackward_AtInputSize_AndGradientsReachTheFirstConv(string name, int outputStride)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = ModelCatalog.Create(name, new ModelOptions(Classes: 5, OutputStride: outputStride, AuxiliaryHead: name.StartsWith("pspnet", StringComparison.Ordinal)));
        model.train();
        var output = model.call(randn(2, 3, 64, 96));
        Assert.Equal(new long[] { 2, 5, 64, 96 }, output.Logits.shape);
        var loss = output.Logits.square().mean() + (output.AuxiliaryLogits?.square().mean() ?? zeros(1).sum());
        loss.backward();
        var first = model.named_parameters().First();
        Assert.Matches(@"^backbone\.(conv1|features\.0\.0)\.weight$", first.name);
        Assert.True(first.parameter.grad!.abs().sum().ToDouble() > 0, $"no gradient reached {first.name}");
    }

    [GeneratedRegex(@"^\|\s*`(?<name>[a-z0-9-]+)`\s*\|\s*(?<count>[0-9,]+)\s*\|")]
    private static partial Regex ReadmeRow();

    /// <summary>The model table in README.md: name → parameter count (19 classes, no auxiliary head).</summary>
    private static Dictionary<string, long> ReadmeCounts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md")))
        {
            dir = dir.Parent;
        }
        var readme = File.ReadAllLines(Path.Combine(dir!.FullName, "README.md"));
        return readme.Select(l => ReadmeRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => long.Parse(m.Groups["count"].Value.Replace(",", ""), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ParameterCounts_OfEveryModel_AreTheOnesReadmeStates()
    {
        var stated = ReadmeCounts();
        Assert.Equal(ModelCatalog.Names.Order(), stated.Keys.Order()); // every model has a row, including the paper's six
        foreach (var name in ModelCatalog.Names)
        {
            using var model = ModelCatalog.Create(name, new ModelOptions(Classes: 19));
            Assert.Equal(stated[name], model.parameter_count());
        }
    }

    [Fact]
    public void ParameterCounts_MatchThePaperWhereItsArchitectureIsKnown()
    {
        // algorithms.md §5: DeepLabV3+ on R18/R101/MobileNetV2 and PSP-R18 reproduce the paper to the rounding.
        foreach (var name in new[] { "deeplabv3plus-resnet18", "deeplabv3plus-resnet101", "deeplabv3plus-mobilenetv2", "pspnet-resnet18" })
        {
            using var model = ModelCatalog.Create(name);
            Assert.Equal(ModelCatalog.PaperParameterCounts[name], Math.Round(model.parameter_count() / 1e6, 2));
        }
    }

    [Fact]
    public void Create_RejectsAnUnknownName_ListingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelCatalog.Create("deeplabv3plus-vgg16"));
        Assert.Contains("Unknown model 'deeplabv3plus-vgg16'", e.Message);
        Assert.Contains("pspnet-mobilenetv2", e.Message);
        Assert.Throws<ArgumentException>(() => ModelCatalog.Create("resnet18"));
    }

    [Fact]
    public void Create_RejectsOptionsThatDoNotApply()
    {
        Assert.Contains("mobilenetv2 only", Assert.Throws<ArgumentException>(() => ModelCatalog.Create("pspnet-resnet18", new ModelOptions(WidthMultiplier: 0.5))).Message);
        Assert.Contains("pspnet only", Assert.Throws<ArgumentException>(() => ModelCatalog.Create("deeplabv3plus-resnet18", new ModelOptions(AuxiliaryHead: true))).Message);
        Assert.Throws<ArgumentException>(() => ModelCatalog.Create("deeplabv3plus-resnet18", new ModelOptions(OutputStride: 32)));
    }
}

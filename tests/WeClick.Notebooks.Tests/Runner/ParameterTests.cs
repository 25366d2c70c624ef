using WeClick.Notebooks.Runner;

namespace WeClick.Notebooks.Tests.Runner;

public sealed class ParameterTests
{
    [Theory]
    [InlineData("flag=True", true)]
    [InlineData("flag=false", false)]
    [InlineData("n=42", 42L)]
    [InlineData("n=-7", -7L)]
    [InlineData("n=1_000", 1000L)]
    [InlineData("x=0.5", 0.5)]
    [InlineData("x=1e-5", 1e-5)]
    [InlineData("x=inf", double.PositiveInfinity)]
    [InlineData("s=davis", "davis")]
    [InlineData("s=a=b", "a=b")]
    [InlineData("s=", "")]
    [InlineData("s=1.2.3", "1.2.3")]
    [InlineData("s=TRUE", "TRUE")]
    public void Parse_ResolvesTypesLikePapermillsCli(string argument, object expected)
    {
        var parameter = NotebookParameter.Parse(argument);
        Assert.Equal(argument[..argument.IndexOf('=')], parameter.Name);
        Assert.Equal(expected, parameter.Value);
    }

    [Fact]
    public void Parse_RejectsNoneMissingEqualsAndBadNames()
    {
        Assert.Contains("use -r x None", Assert.Throws<ArgumentException>(() => NotebookParameter.Parse("x=None")).Message);
        Assert.Contains("expected name=value", Assert.Throws<ArgumentException>(() => NotebookParameter.Parse("x")).Message);
        Assert.Contains("'1x' is not a C# identifier", Assert.Throws<ArgumentException>(() => NotebookParameter.Parse("1x=2")).Message);
        Assert.Equal("5", NotebookParameter.Raw("s", "5").Value);
    }

    [Fact]
    public void Codify_WritesPapermillsCSharpCell()
    {
        var source = CSharpParameterTranslator.Codify([
            NotebookParameter.Parse("epochs=3"),
            NotebookParameter.Parse("big=3000000000"),
            NotebookParameter.Parse("lr=0.001"),
            NotebookParameter.Parse("tiny=1e-5"),
            NotebookParameter.Parse("whole=2.0"),
            NotebookParameter.Parse("fast=True"),
            NotebookParameter.Raw("name", "say \"hi\"\\ né\n"),
            NotebookParameter.Parse("nan=nan"),
        ]);
        Assert.Equal(
            "// Parameters\nvar epochs = 3;\nvar big = 3000000000L;\nvar lr = 0.001;\nvar tiny = 1e-05;\nvar whole = 2.0;\nvar fast = true;\n"
            + "var name = \"say \\\"hi\\\"\\\\ n\\u00e9\\n\";\nvar nan = double.NaN;\n",
            source);
    }

    [Fact]
    public void Scan_FindsDeclarationsWithTypesDefaultsAndComments()
    {
        var found = ParameterCellScanner.Scan("""
// Parameters of the run
var epochs = 3;           // training epochs
double lr = 1e-3;
const string Dataset = "davis;2017"; // with a ; in the string
List<int> sizes = new() { 1, 2 };
int[] seeds = [1, 2];
Console.WriteLine(epochs);
if (epochs == 3) { }
""");
        Assert.Equal(["epochs", "lr", "Dataset", "sizes", "seeds"], found.Select(d => d.Name));
        Assert.Equal(new ParameterDeclaration("epochs", "var", "3", "training epochs"), found[0]);
        Assert.Equal(new ParameterDeclaration("Dataset", "string", "\"davis;2017\"", "with a ; in the string"), found[2]);
        Assert.Equal("List<int>", found[3].Type);
        Assert.Equal("[1, 2]", found[4].DefaultValue);
    }
}

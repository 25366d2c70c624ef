using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;

namespace WeClick.Notebooks.Tests.Documents;

public sealed class PythonFormatTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(2.5e-7, "2.5e-07")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(0.0, "0.0")]
    public void FormatDouble_MatchesPythonRepr(double value, string python) => Assert.Equal(python, PythonJson.FormatDouble(value));

    [Fact]
    public void SplitLines_MatchesPythonSplitlinesKeepends()
    {
        Assert.Empty(PythonText.SplitLinesKeepEnds(""));
        Assert.Equal(["a\n", "b"], PythonText.SplitLinesKeepEnds("a\nb"));
        Assert.Equal(["a\r\n", "b\r", "c\n"], PythonText.SplitLinesKeepEnds("a\r\nb\rc\n"));
        Assert.Equal(["a\f", "b\u2028", "c"], PythonText.SplitLinesKeepEnds("a\fb\u2028c"));
    }

    [Fact]
    public void Serialize_IndentsByOneSortsKeysAndEscapesLikeJsonDumps()
    {
        var node = new JsonObject { ["b"] = new JsonArray(1, "é<>&\"\\\n\u0001"), ["a"] = new JsonObject(), ["c"] = new JsonArray(), ["d"] = true, ["e"] = null };
        Assert.Equal("{\n \"a\": {},\n \"b\": [\n  1,\n  \"é<>&\\\"\\\\\\n\\u0001\"\n ],\n \"c\": [],\n \"d\": true,\n \"e\": null\n}", PythonJson.Serialize(node));
    }

    [Fact]
    public void Serialize_WritesIntegersAsIntegersAndDoublesAsPythonFloats()
    {
        var node = new JsonObject { ["i"] = 3, ["l"] = 3000000000L, ["d"] = 2.0, ["f"] = 1e-5, ["parsed"] = JsonNode.Parse("[1e-05, 2.50]") };
        Assert.Equal("{\n \"d\": 2.0,\n \"f\": 1e-05,\n \"i\": 3,\n \"l\": 3000000000,\n \"parsed\": [\n  1e-05,\n  2.50\n ]\n}", PythonJson.Serialize(node));
    }
}

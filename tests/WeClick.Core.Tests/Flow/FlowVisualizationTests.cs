using WeClick.Flow;

namespace WeClick.Core.Tests.Flow;

public class FlowVisualizationTests
{
    private static byte[] ColourOf(double u, double v, double? max = null)
    {
        using var scope = NewDisposeScope();
        var flow = stack([full([2, 2], u), full([2, 2], v)]);
        return FlowVisualization.ToColor(flow, max).narrow(0, 0, 1).narrow(1, 0, 1).reshape(-1).data<byte>().ToArray();
    }

    [Fact]
    public void ToColor_HueFollowsTheDirection_ValueTheMagnitude()
    {
        Assert.Equal(new byte[] { 255, 0, 0 }, ColourOf(3, 0));          // right: red
        Assert.Equal(new byte[] { 0, 255, 255 }, ColourOf(-3, 0));       // left: cyan
        var down = ColourOf(0, 3);
        Assert.True(down[1] == 255 && down[0] > 100 && down[2] == 0, string.Join(",", down));   // down: yellow-green
        var up = ColourOf(0, -3);
        Assert.True(up[2] == 255 && up[0] > 100 && up[1] == 0, string.Join(",", up));          // up: violet
        Assert.Equal(new byte[] { 0, 0, 0 }, ColourOf(0, 0));            // still: black
        Assert.Equal(new byte[] { 128, 0, 0 }, ColourOf(1, 0, max: 2)); // half the reference magnitude: half brightness
    }

    [Fact]
    public void ToColor_RejectsAFieldThatIsNotTwoChannels()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => FlowVisualization.ToColor(zeros(3, 4, 4)));
    }
}

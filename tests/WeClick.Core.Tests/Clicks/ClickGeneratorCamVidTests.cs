using WeClick.Clicks;
using WeClick.Vision;

namespace WeClick.Core.Tests.Clicks;

public class ClickGeneratorCamVidTests
{
    [CamVidFact]
    public void Generate_OnRealCamVidLabels_ClicksEveryBigEnoughRegionOnItsClass()
    {
        var settings = ClickSettings.CamVid;
        // valannot: the folder CamVidFact checks for, so that a subset without it skips instead of failing here.
        var files = Directory.GetFiles(Path.Combine(SharedData.CamVid, "valannot"), "*.png").Order(StringComparer.Ordinal).Take(4).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var scope = NewDisposeScope();
            var raw = Image.ReadLabel(file);
            var label = raw.masked_fill(raw.eq(11), 255); // CamVid void 11 → ignore 255
            var seed = ClickGenerator.ImageSeed(5, Path.GetFileNameWithoutExtension(file));
            var clicks = ClickGenerator.Generate(label, null, settings, seed);
            Assert.Equal(clicks, ClickGenerator.Generate(label, null, settings, seed)); // deterministic
            Assert.Equal(42, settings.MinimumArea(label.size(0), label.size(1)));

            foreach (var click in clicks)
            {
                Assert.Equal(click.ClassId, LabelMaps.At(label, click.X, click.Y));
                Assert.True(click.Area >= 42, $"{Path.GetFileName(file)}: {click} is below the threshold");
            }
            for (var classId = 0; classId <= 10; classId++)
            {
                // An independent count: every 8-connected region of ≥ 42 px gets exactly one click.
                using var components = Image.FindConnectedComponents(label.eq(classId).to(ScalarType.Byte), 8);
                var big = components.Components.Skip(1).Count(c => c.Area >= 42);
                Assert.Equal(big, clicks.Count(c => c.ClassId == classId));
            }
            Assert.Contains(clicks, c => c.ClassId == 3); // road is always there
        }
    }
}

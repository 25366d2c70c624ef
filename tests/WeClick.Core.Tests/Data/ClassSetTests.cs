using WeClick.Data;

namespace WeClick.Core.Tests.Data;

public class ClassSetTests
{
    [Fact]
    public void Cityscapes_MapsLabelIdsAsCityscapesScripts()
    {
        var c = ClassSet.Cityscapes;
        Assert.Equal(19, c.Count);
        Assert.Equal(new[] { 11, 12, 13, 14, 15, 16, 17, 18 }, c.InstanceClasses);
        Assert.Equal("person", c.Names[11]);
        // every labelId 0..33 with its trainId (CSS labels.py / ETC id_to_trainid).
        var expected = new long[34];
        Array.Fill(expected, 255);
        int[] labelIds = [7, 8, 11, 12, 13, 17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33];
        for (var t = 0; t < labelIds.Length; t++)
        {
            expected[labelIds[t]] = t;
        }
        using var ids = arange(0, 34, dtype: ScalarType.Byte).reshape(2, 17);
        using var mapped = c.ToTrainIds(ids, "x.png");
        Assert.Equal(ScalarType.Byte, mapped.dtype);
        Assert.Equal(new long[] { 2, 17 }, mapped.shape);
        Assert.Equal(expected, mapped.data<byte>().ToArray().Select(b => (long)b).ToArray());
        Assert.Equal(255, c.LabelIdToTrainId[-1]);
    }

    [Fact]
    public void CamVid_MapsVoidToIgnore()
    {
        using var ids = tensor(new byte[] { 0, 5, 10, 11 }, [2, 2]);
        using var mapped = ClassSet.CamVid.ToTrainIds(ids, "a.png");
        Assert.Equal(new byte[] { 0, 5, 10, 255 }, mapped.data<byte>().ToArray());
        Assert.Equal(11, ClassSet.CamVid.Count);
        Assert.Equal(new[] { 8, 9, 10 }, ClassSet.CamVid.InstanceClasses);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(200)]
    public void CamVid_UnknownId_ThrowsNamingFileAndId(byte bad)
    {
        using var ids = tensor(new byte[] { 0, 1, bad, 3 }, [2, 2]);
        var e = Assert.Throws<InvalidDataException>(() => ClassSet.CamVid.ToTrainIds(ids, "/data/trainannot/x_001.png"));
        Assert.Contains("'/data/trainannot/x_001.png'", e.Message);
        Assert.Contains($"label id {bad}", e.Message);
        Assert.Contains("0..11", e.Message);
    }

    [Fact]
    public void Cityscapes_IdAbove33_Throws()
    {
        using var ids = tensor(new byte[] { 7, 34 }, [1, 2]);
        var e = Assert.Throws<InvalidDataException>(() => ClassSet.Cityscapes.ToTrainIds(ids, "l.png"));
        Assert.Contains("label id 34", e.Message);
    }

    [Fact]
    public void Int32Labels_AboveTheTable_Throw()
    {
        using var ids = tensor(new[] { 1, 26000 }, [1, 2]);
        var e = Assert.Throws<InvalidDataException>(() => ClassSet.CamVid.ToTrainIds(ids, "i.png"));
        Assert.Contains("label id 26000", e.Message);
    }

    [Fact]
    public void FromDescriptor_ReadsTheContractsSyntheticDescriptor()
    {
        using var folder = new TempFolder();
        var path = folder.Combine(DatasetDescriptor.FileName);
        File.WriteAllText(path, """
            {"name": "synthetic", "classes": ["sky","building","pole","road","sidewalk","vegetation","sign","fence","car","pedestrian","bicyclist"],
             "labelIdToTrainId": {"0":0,"1":1,"2":2,"3":3,"4":4,"5":5,"6":6,"7":7,"8":8,"9":9,"10":10,"255":255},
             "ignoreIndex": 255, "instanceClasses": [8, 9, 10], "snippetLength": 30, "labelledIndex": 19, "groundTruthFlow": true}
            """);
        var classes = ClassSet.FromDescriptor(path);
        Assert.Equal("synthetic", classes.Name);
        Assert.Equal(11, classes.Count);
        Assert.Equal("bicyclist", classes.Names[10]);
        Assert.Equal(new[] { 8, 9, 10 }, classes.InstanceClasses);
        var descriptor = DatasetDescriptor.Read(path);
        Assert.True(descriptor.GroundTruthFlow);
        Assert.Equal((30, 19), (descriptor.SnippetLength, descriptor.LabelledIndex));
        using var ids = tensor(new byte[] { 10, 255 }, [1, 2]);
        using var mapped = classes.ToTrainIds(ids, "s.png");
        Assert.Equal(new byte[] { 10, 255 }, mapped.data<byte>().ToArray());
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"labelIdToTrainId": {}}""", "\"classes\"")]
    [InlineData("""{"classes": ["a"], "labelIdToTrainId": {"0": 3}}""", "label id 0 to 3")]
    [InlineData("""{"classes": ["a"], "labelIdToTrainId": {"x": 0}}""", "\"x\"")]
    public void FromDescriptor_Malformed_ThrowsNamingFileAndKey(string json, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("weclick-dataset.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<InvalidDataException>(() => ClassSet.FromDescriptor(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }
}

using System.Text;
using System.Text.Json;
using WeClick.Serialization;

namespace WeClick.Core.Tests.Serialization;

/// <summary>safetensors: round trips, the reference byte layout, PyTorch interop and atomic writes.</summary>
public partial class SafetensorsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-st-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>Same dtype, shape and bytes (bitwise, so inf, NaN and -0 compare exactly).</summary>
    private static void AssertIdentical(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(BytesOf(expected), BytesOf(actual));
    }

    private static byte[] BytesOf(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().cpu().contiguous().bytes.ToArray();
    }

    /// <summary>The dtypes safetensors and PyTorch share (the old binding's whole ScalarType enum; TorchSharp's has more).</summary>
    private static readonly ScalarType[] s_dtypes =
    [
        ScalarType.Bool, ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64,
        ScalarType.Float16, ScalarType.BFloat16, ScalarType.Float32, ScalarType.Float64,
    ];

    public static TheoryData<ScalarType> AllDtypes => new(s_dtypes);

    /// <summary>A 2×3 tensor of <paramref name="dtype"/> with values that exercise its range (incl. inf/NaN for floats).</summary>
    private static Tensor Sample(ScalarType dtype) => dtype switch
    {
        ScalarType.Bool => tensor(new[] { true, false, true, true, false, false }, [2, 3]),
        ScalarType.Byte => tensor(new byte[] { 0, 1, 127, 128, 254, 255 }, [2, 3]),
        ScalarType.Int8 => tensor(new sbyte[] { -128, -1, 0, 1, 100, 127 }, [2, 3]),
        ScalarType.Int16 => tensor(new short[] { short.MinValue, -1, 0, 1, 1000, short.MaxValue }, [2, 3]),
        ScalarType.Int32 => tensor(new[] { int.MinValue, -1, 0, 1, 123456, int.MaxValue }, [2, 3]),
        ScalarType.Int64 => tensor(new[] { long.MinValue, -1, 0, 1, 1234567890123, long.MaxValue }, [2, 3]),
        _ => tensor(new[] { -1.5, 0, 2.25, double.PositiveInfinity, double.NaN, 1e-3 }, [2, 3]).to(dtype),
    };

    [Theory]
    [MemberData(nameof(AllDtypes))]
    public void SaveLoad_RoundTripsEveryDtype(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var original = Sample(dtype);
        var path = PathOf("one.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = original }, path);
        using var file = Safetensors.Load(path);
        Assert.Equal(dtype, file["x"].dtype);
        Assert.Equal(DeviceType.CPU, file["x"].device.type);
        AssertIdentical(original, file["x"]);
    }

    [Fact]
    public void SaveLoad_RoundTripsZeroDimensionalAndEmptyTensors()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("shapes.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor>
        {
            ["scalar"] = tensor(3.25),
            ["empty"] = zeros([0], ScalarType.Float32),
            ["empty2d"] = zeros([2, 0], ScalarType.Int64),
            ["after"] = tensor(new float[] { 7, 8 }),
        }, path);
        using var file = Safetensors.Load(path);
        Assert.Empty(file["scalar"].shape);
        Assert.Equal(3.25, file["scalar"].item<double>());
        Assert.Equal(new long[] { 0 }, file["empty"].shape);
        Assert.Equal(new long[] { 2, 0 }, file["empty2d"].shape);
        Assert.Equal(ScalarType.Int64, file["empty2d"].dtype);
        Assert.Equal(new float[] { 7, 8 }, file["after"].Values<float>());
    }

    [Fact]
    public void SaveLoad_RoundTripsAFileWithoutTensors()
    {
        var path = PathOf("none.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor>(), path);
        // {"__metadata__":{"format":"pt"}} is 31 bytes, padded to 32.
        Assert.Equal(8 + 32, new FileInfo(path).Length);
        using var file = Safetensors.Load(path);
        Assert.Empty(file.Tensors);
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void Save_WritesTheValuesOfNonContiguousAndOffsetViews()
    {
        using var scope = NewDisposeScope();
        var grid = tensor(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), [3, 4]);
        var columns = grid.narrow(1, 1, 2);   // [3, 2], strides (4, 1): not contiguous
        var rows = grid.narrow(0, 1, 2);      // [2, 4], contiguous but at a storage offset
        Assert.False(columns.is_contiguous());
        var path = PathOf("views.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["columns"] = columns, ["rows"] = rows }, path);
        using var file = Safetensors.Load(path);
        Assert.Equal(new float[] { 1, 2, 5, 6, 9, 10 }, file["columns"].Values<float>());
        Assert.Equal(new long[] { 3, 2 }, file["columns"].shape);
        Assert.Equal(new float[] { 4, 5, 6, 7, 8, 9, 10, 11 }, file["rows"].Values<float>());
        Assert.True(file["columns"].is_contiguous());
    }

    [Fact]
    public void Save_StoresValuesButNotGradients()
    {
        using var scope = NewDisposeScope();
        var w = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        w.mul(w).sum().backward();
        var path = PathOf("grad.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["w"] = w }, path);
        using var file = Safetensors.Load(path);
        Assert.Equal(new float[] { 1, 2, 3 }, file["w"].Values<float>());
        Assert.False(file["w"].requires_grad);
        Assert.Null(file["w"].grad);
        Assert.Single(Safetensors.ReadHeader(path).Tensors);
    }

    [Fact]
    public void SaveLoad_RoundTripsMetadataWithFormatPtFirst()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("meta.safetensors");
        var metadata = new Dictionary<string, string> { ["zeta"] = "last", ["epoch"] = "12", ["note"] = "quote \" and\nnewline, ünïcode", ["format"] = "pt" };
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = ones(2) }, path, metadata);
        using var file = Safetensors.Load(path);
        Assert.Equal(["format", "epoch", "note", "zeta"], file.Metadata.Keys);
        foreach (var (key, value) in metadata)
        {
            Assert.Equal(value, file.Metadata[key]);
        }
    }

    [Fact]
    public void ReadHeader_GivesNamesDtypesShapesOffsetsInFileOrder()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("order.safetensors");
        // Reference order: descending dtype alignment (I64 F64 F32 I32 BF16 F16 I16 I8 U8 BOOL), then name.
        // "Ａ" (U+FF21) sorts before "😀" (U+1F600) in UTF-8 bytes, which Rust uses, but after it in UTF-16.
        Safetensors.Save(new Dictionary<string, Tensor>
        {
            ["mask"] = Sample(ScalarType.Bool), ["b"] = Sample(ScalarType.Float32), ["a"] = Sample(ScalarType.Float32),
            ["\U0001F600"] = Sample(ScalarType.Int8), ["\uFF21"] = Sample(ScalarType.Int8),
            ["bf"] = Sample(ScalarType.BFloat16), ["h"] = Sample(ScalarType.Float16), ["i"] = Sample(ScalarType.Int64),
            ["d"] = Sample(ScalarType.Float64), ["s"] = Sample(ScalarType.Int16), ["u"] = Sample(ScalarType.Byte),
            ["n"] = Sample(ScalarType.Int32),
        }, path, new Dictionary<string, string> { ["k"] = "v" });
        var header = Safetensors.ReadHeader(path);
        Assert.Equal(["i", "d", "a", "b", "n", "bf", "h", "s", "\uFF21", "\U0001F600", "u", "mask"], header.Names);
        Assert.Equal(ScalarType.BFloat16, header.Tensors[5].Dtype);
        Assert.Equal("BF16", header.Tensors[5].DtypeName);
        Assert.Equal(new long[] { 2, 3 }, header.Tensors[5].Shape);
        long expectedBegin = 0;
        foreach (var t in header.Tensors)
        {
            Assert.Equal(expectedBegin, t.DataBegin);
            Assert.Equal(t.Numel * SafetensorsDtype.ElementSize(t.Dtype), t.ByteLength);
            Assert.Equal(0, (header.DataStart + t.DataBegin) % SafetensorsDtype.ElementSize(t.Dtype)); // aligned in the file
            expectedBegin = t.DataEnd;
        }
        Assert.Equal(0, header.HeaderLength % 8);
        Assert.Equal(new FileInfo(path).Length, header.DataStart + header.DataLength);
        Assert.Equal("v", header.Metadata["k"]);
        using var file = Safetensors.Load(path);
        Assert.Equal(header.Names, file.Tensors.Keys);
    }

    [Fact]
    public void Save_WritesTheReferenceByteLayout()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("exact.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["w"] = tensor(new float[] { 1, -2 }) }, path);
        // Counted by hand: {"__metadata__": is 16 bytes, {"format":"pt"} 15, the comma 1, "w": 4,
        // {"dtype":"F32", 15, "shape":[2], 12, "data_offsets":[0,8] 20, }} 2: 85 bytes, padded to 88.
        const string header = "{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}   ";
        Assert.Equal(88, header.Length);
        byte[] expected = [88, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(header), 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0];
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void Save_IsReadBackByAnIndependentPythonImplementationBitForBit()
    {
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        foreach (var dtype in s_dtypes)
        {
            tensors[$"sample.{dtype}"] = Sample(dtype);
        }
        var grid = tensor(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), [3, 4]);
        tensors["view"] = grid.narrow(1, 1, 2);
        tensors["scalar"] = tensor(2.5f);
        tensors["empty"] = zeros([0, 4], ScalarType.Int32);
        tensors["\uFF21"] = ones(1);
        tensors["\U0001F600"] = ones(2);
        var metadata = new Dictionary<string, string> { ["source"] = "C#", ["tricky \"key\""] = "tab\there\u0001" };
        var path = PathOf("from-csharp.safetensors");
        Safetensors.Save(tensors, path, metadata);
        var folder = PathOf("refio");
        ReferenceData.Save(folder, tensors);
        var expectedMetadata = JsonSerializer.Serialize(new Dictionary<string, string>(metadata) { ["format"] = "pt" });
        var output = PyTorchReference.Run("safetensors_check.py", path, folder, expectedMetadata);
        Assert.Contains("OK", output);
    }

    [Fact]
    public void Load_ReadsAFileWrittenByAnIndependentPythonImplementation()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("from-python.safetensors");
        var reference = PyTorchReference.Generate("safetensors_write.py", path);
        using var file = Safetensors.Load(path);
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), file.Tensors.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, expected) in reference)
        {
            AssertIdentical(expected, file[name]);
            expected.Dispose();
        }
        Assert.Empty(file["steps"].shape);
        Assert.Equal(1234567890123L, file["steps"].item<long>());
        Assert.Equal(ScalarType.BFloat16, file["brain"].dtype);
        Assert.Equal(new long[] { 0, 3 }, file["nothing"].shape);
        Assert.Equal(2, file.Metadata.Count);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal("safetensors_ref.py", file.Metadata["source"]);
    }

    [Fact]
    public void Load_MovesTensorsToTheRequestedDevice()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("device.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = tensor(new float[] { 1, 2 }) }, path);
        using (var cpuFile = Safetensors.Load(path, CPU))
        {
            Assert.Equal(DeviceType.CPU, cpuFile["x"].device.type);
        }
        if (!cuda.is_available())
        {
            return;
        }
        using var file = Safetensors.Load(path, new Device(DeviceType.CUDA, 0));
        Assert.Equal(DeviceType.CUDA, file["x"].device.type);
        Assert.Equal(new float[] { 1, 2 }, file["x"].Values<float>());
        // And a CUDA tensor is saved through its CPU bytes.
        var path2 = PathOf("from-cuda.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = file["x"] }, path2);
        using var back = Safetensors.Load(path2);
        Assert.Equal(new float[] { 1, 2 }, back["x"].Values<float>());
    }

    [Fact]
    public void LoadedFile_IndexerNamesTheAvailableTensorsAndDisposeFreesThem()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("index.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["a"] = ones(1), ["b"] = ones(1) }, path);
        var file = Safetensors.Load(path);
        var e = Assert.Throws<KeyNotFoundException>(() => file["c"]);
        Assert.Contains("a, b", e.Message);
        var a = file["a"];
        file.Dispose();
        Assert.True(a.IsInvalid);
    }
}

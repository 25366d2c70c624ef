namespace WeClick.Serialization;

/// <summary>
/// A file is not a valid safetensors file: bad header length, header that is not UTF-8 JSON, a tensor
/// entry with a missing or invalid field, data offsets with holes or overlaps, truncated data or trailing bytes.
/// </summary>
/// <remarks>The message always names the file and, where the problem lies in one tensor entry, the tensor. It is an
/// <see cref="IOException"/>, as <see cref="InvalidDataException"/> is (which is sealed, so it cannot be the base), so
/// callers that report damaged or unreadable input files catch it with the rest.</remarks>
public sealed class SafetensorsFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>; <paramref name="problem"/> says what is wrong.</summary>
    public SafetensorsFormatException(string path, string problem, string? tensorName = null, Exception? innerException = null)
        : base(Describe(path, problem, tensorName), innerException)
    {
        FilePath = path;
        TensorName = tensorName;
    }

    /// <summary>The file that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>The tensor (or header key) whose entry is invalid, or null when the problem is not in one entry.</summary>
    public string? TensorName { get; }

    private static string Describe(string path, string problem, string? tensorName) =>
        tensorName is null
            ? $"Invalid safetensors file '{path}': {problem}."
            : $"Invalid safetensors file '{path}': tensor '{tensorName}': {problem}.";
}

using WeClick.Data;
using TorchSharp;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Flow;

/// <summary>
/// The flow a dataset ships with its frames (the synthetic set's exact flow and its visible-in-both-frames mask), as a
/// flow source for controlled experiments: plug <see cref="Get"/> into <see cref="ClipDatasetOptions.FlowSource"/>. Where
/// the estimators (DIS, Farnebäck, RAFT) guess, this one knows, so MFD can be studied without flow error.
/// </summary>
public static class GroundTruthFlowSource
{
    /// <summary>A stable name for the source (reports, experiment records).</summary>
    public const string Key = "ground-truth";

    /// <summary>The pair's ground-truth flow (float32 [2, H, W]) and validity (uint8 [H, W]; 1 = visible in both frames).</summary>
    /// <exception cref="InvalidOperationException">The dataset ships no ground-truth flow (the message says what to use instead).</exception>
    /// <exception cref="FileNotFoundException">A flow or validity file is missing (named).</exception>
    /// <exception cref="InvalidDataException">A file is malformed or of the wrong size (named).</exception>
    public static FlowField Get(FlowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GroundTruthFlowPath is not { } flowPath || request.GroundTruthValidPath is not { } validPath)
        {
            throw new InvalidOperationException(
                $"Dataset '{request.Dataset}' ships no ground-truth flow (its descriptor lacks \"groundTruthFlow\": true), so flow method " +
                $"'{Key}' cannot serve '{request.NeighbourPath}'. Use an estimator instead (dis, farneback or raft), or the synthetic set (weclick data synth).");
        }
        long height = request.TargetImage.size(0), width = request.TargetImage.size(1);
        if (!File.Exists(flowPath))
        {
            throw new FileNotFoundException($"Missing ground-truth flow: '{flowPath}'.", flowPath);
        }
        var flow = FloFile.Read(flowPath);
        try
        {
            if (flow.size(1) != height || flow.size(2) != width)
            {
                throw new InvalidDataException($"'{flowPath}': flow of size {flow.size(1)}x{flow.size(2)}, expected {height}x{width} like '{request.TargetPath}'.");
            }
            using var raw = ClipFiles.ReadMap(validPath, (height, width), request.TargetPath);
            using var nonzero = raw.ne(0); // 0/255 on disk → 0/1
            return new FlowField(flow, nonzero.to(ScalarType.Byte));
        }
        catch
        {
            flow.Dispose();
            throw;
        }
    }
}

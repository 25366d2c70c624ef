using System.Reflection;
using System.Text.Json;

namespace WeClick.Experiments;

/// <summary>
/// The paper's numbers as data (<c>PaperNumbers.json</c>, embedded in the library): the mIoU of table rows, the #Params of
/// networks, the claims that belong to no row, and, per experiment, what the repository does not have. Reports and the
/// terminal tables print them beside ours, and say what is missing rather than leave a blank that reads as zero.
/// </summary>
/// <remarks>
/// The file is incomplete on purpose, not by oversight: no source reachable from this project holds the paper's full text,
/// so only the numbers a source gives are in it, each with that source. Add a number there (with its table and row) and
/// every report prints it.
/// </remarks>
public static class PaperNumbers
{
    /// <summary>A row's mIoU in the paper (in %), on the paper's network.</summary>
    public sealed record RowNumber(string Experiment, string Row, string Network, double Value, string Source);

    /// <summary>A network's #Params in the paper (millions, at the paper's class count), by our catalogue name.</summary>
    public sealed record ParamsNumber(string Network, string Paper, double Millions, int Classes, string Source);

    /// <summary>A claim of the paper that belongs to no single row.</summary>
    public sealed record Claim(string Experiment, string Text);

    private sealed record File(string Paper, string Status, List<RowNumber> MIoU, List<ParamsNumber> Params, List<Claim> Claims, Dictionary<string, string> Missing);

    private static readonly Lazy<File> Data = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("WeClick.Experiments.PaperNumbers.json")
            ?? throw new InvalidOperationException("PaperNumbers.json is not embedded in WeClick.Core (see WeClick.Core.csproj).");
        return JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException("PaperNumbers.json is empty.");
    });

    /// <summary>The paper, as the file cites it.</summary>
    public static string Paper => Data.Value.Paper;

    /// <summary>What the file holds and why it is incomplete.</summary>
    public static string Status => Data.Value.Status;

    /// <summary>Every row number.</summary>
    public static IReadOnlyList<RowNumber> Rows => Data.Value.MIoU;

    /// <summary>Every #Params number.</summary>
    public static IReadOnlyList<ParamsNumber> Params => Data.Value.Params;

    /// <summary>The paper's mIoU (in %) for a row of an experiment, or null where the repository has none.</summary>
    public static RowNumber? MIoU(string experiment, string row) => Rows.FirstOrDefault(r => r.Experiment == experiment && r.Row == row);

    /// <summary>The paper's #Params of a network of the catalogue, or null.</summary>
    public static ParamsNumber? ParamsOf(string network) => Params.FirstOrDefault(p => p.Network == network);

    /// <summary>The claims of an experiment that belong to no row.</summary>
    public static IReadOnlyList<Claim> Claims(string experiment) => Data.Value.Claims.Where(c => c.Experiment == experiment).ToArray();

    /// <summary>
    /// One sentence on what of the paper's numbers this experiment's report lacks: the missing tables, or, for an ablation
    /// the paper leaves open, that it has none.
    /// </summary>
    public static string MissingNote(string experiment) =>
        Data.Value.Missing.TryGetValue(experiment, out var missing)
            ? $"The paper's numbers not in this repository: {missing}. No source reachable from this project quotes them, so none is printed; nothing is estimated."
            : "The paper has no numbers for this experiment: it leaves this choice open.";
}

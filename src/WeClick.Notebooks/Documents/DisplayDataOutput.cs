using WeClick.Reports;

namespace WeClick.Notebooks.Documents;

/// <summary>A displayed value (<c>output_type: "display_data"</c>): its MIME bundle and display metadata.</summary>
public sealed class DisplayDataOutput : NotebookOutput
{
    /// <summary>Creates a display output showing <paramref name="bundle"/>.</summary>
    public DisplayDataOutput(MimeBundle bundle) => Bundle = bundle;

    /// <inheritdoc/>
    public override string OutputType => "display_data";

    /// <summary>The representations (<c>data</c>) and their metadata (<c>metadata</c>); replaced by an update_display_data.</summary>
    public MimeBundle Bundle { get; set; }
}

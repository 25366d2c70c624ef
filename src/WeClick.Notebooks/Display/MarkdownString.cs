using WeClick.Reports;

namespace WeClick.Notebooks.Display;

/// <summary>Markdown to show rendered (<c>Markdown("**bold**")</c> in a cell): <c>text/markdown</c> plus the source as <c>text/plain</c>.</summary>
/// <param name="Markdown">The Markdown source.</param>
public sealed record MarkdownString(string Markdown) : IMimeRenderable
{
    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle(Markdown).With("text/markdown", Markdown);

    /// <summary>The Markdown source.</summary>
    public override string ToString() => Markdown;
}

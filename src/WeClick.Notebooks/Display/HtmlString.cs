using WeClick.Reports;

namespace WeClick.Notebooks.Display;

/// <summary>
/// A piece of HTML to show as such (<c>HTML("&lt;b&gt;hi&lt;/b&gt;")</c> in a cell, as in .NET Interactive): displays as
/// <c>text/html</c>, with the markup itself as the <c>text/plain</c> fallback.
/// </summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlString(string Html) : IMimeRenderable
{
    /// <inheritdoc/>
    public MimeBundle ToMimeBundle() => new MimeBundle(Html).With("text/html", Html);

    /// <summary>The markup.</summary>
    public override string ToString() => Html;
}

namespace WeClick.Reports;

/// <summary>
/// A value that knows how to show itself in a notebook: figures, tables, masks and metrics implement it, and the
/// notebook engine (WeClick.Notebooks) asks for the bundle when the value is displayed or is a cell's last expression.
/// The library does not depend on the notebook engine; this interface is the whole contract.
/// </summary>
public interface IMimeRenderable
{
    /// <summary>The representations of this value; must include <see cref="MimeBundle.PlainText"/>.</summary>
    MimeBundle ToMimeBundle();
}

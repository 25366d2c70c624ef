namespace WeClick.Notebooks.Tests.Polyglot;

/// <summary>The files under Polyglot/, written the way Polyglot Notebooks (.NET Interactive) writes them, copied to the test output.</summary>
internal static class PolyglotFixtures
{
    /// <summary>A VS Code Polyglot notebook: markdown, C# (#!csharp, metadata only, #!c#), F# and PowerShell cells.</summary>
    public static string Tour => Path.Combine(AppContext.BaseDirectory, "Polyglot", "polyglot-tour.ipynb");

    /// <summary>A .dib script with a #!meta block, markdown, C#, F# and PowerShell cells.</summary>
    public static string Squares => Path.Combine(AppContext.BaseDirectory, "Polyglot", "squares.dib");
}

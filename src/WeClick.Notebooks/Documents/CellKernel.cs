namespace WeClick.Notebooks.Documents;

/// <summary>
/// The .NET Interactive kernel a code cell is written for: its kernel name (<c>csharp</c>, <c>fsharp</c>, <c>pwsh</c>…, as
/// Polyglot Notebooks writes it in <c>polyglot_notebook.kernelName</c> and after <c>#!</c>) and the language people call it
/// by (<c>C#</c>, <c>F#</c>, <c>PowerShell</c>…). Only C# cells run in the WeClick kernel; see <see cref="CellLanguage"/>.
/// </summary>
/// <param name="Name">The kernel name, e.g. <c>fsharp</c>.</param>
/// <param name="LanguageName">The language's display name, e.g. <c>F#</c> (the kernel name when the language is unknown).</param>
public sealed record CellKernel(string Name, string LanguageName)
{
    /// <summary>The C# kernel, the only one the WeClick kernel runs.</summary>
    public static CellKernel CSharp { get; } = new("csharp", "C#");

    /// <summary>Whether cells of this kernel run here.</summary>
    public bool IsCSharp => Name == CSharp.Name;

    /// <summary>The kernel selector line that starts such a cell in Polyglot Notebooks, e.g. <c>#!fsharp</c>.</summary>
    public string Selector => "#!" + Name;

    /// <summary>
    /// What the WeClick kernel and <c>weclick notebook run</c> say instead of running such a cell, e.g.
    /// <c>skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only</c>.
    /// </summary>
    public string SkipMessage => $"skipped: {Article(LanguageName)} {LanguageName} cell ({Selector}); the WeClick kernel runs C# only";

    // "an F#", "an HTML", "an SQL" (letters read by name), "a PowerShell", "a JavaScript".
    private static string Article(string language) =>
        language.Length > 0 && "AEFHILMNORSX".Contains(char.ToUpperInvariant(language[0]))
        && (language.Length == 1 || !char.IsLower(language[1]) || "AEIOU".Contains(char.ToUpperInvariant(language[0])))
            ? "an"
            : "a";
}

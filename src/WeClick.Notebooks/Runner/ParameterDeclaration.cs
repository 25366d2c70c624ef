namespace WeClick.Notebooks.Runner;

/// <summary>A variable declared in a notebook's <c>parameters</c> cell.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The declared type as written (<c>var</c>, <c>int</c>, <c>string[]</c>…).</param>
/// <param name="DefaultValue">The initializer as written (<c>0.5</c>, <c>"davis"</c>).</param>
/// <param name="Comment">A trailing <c>//</c> comment on the same line (its text, trimmed), or null.</param>
public sealed record ParameterDeclaration(string Name, string Type, string DefaultValue, string? Comment);

using System.Text.RegularExpressions;

namespace WeClick.Notebooks.Packages;

/// <summary>
/// One NuGet directive at the top of a cell, written as .NET Interactive wrote them: <c>#r "nuget: Name"</c>,
/// <c>#r "nuget: Name, Version"</c> (a version or a NuGet range such as <c>[1.2,2.0)</c> or <c>1.*</c>) and
/// <c>#i "nuget: source"</c> (a feed URL or a local folder of packages).
/// </summary>
/// <param name="Line">The directive's line in the cell, 1-based.</param>
/// <param name="IsSource">True for <c>#i</c> (a package source), false for <c>#r</c> (a package).</param>
/// <param name="Name">The package id, or the source for <c>#i</c>.</param>
/// <param name="Version">The requested version or range; null when the directive names none (the latest stable).</param>
public sealed partial record PackageDirective(int Line, bool IsSource, string Name, string? Version)
{
    /// <summary>The directive as the user wrote it, for messages.</summary>
    public string Text => IsSource ? $"#i \"nuget: {Name}\"" : Version is null ? $"#r \"nuget: {Name}\"" : $"#r \"nuget: {Name}, {Version}\"";

    /// <summary>
    /// The NuGet directives of <paramref name="code"/>, and the code with each directive's line left empty (so compile
    /// errors keep the line numbers the user sees). Only lines that are a whole directive count; <c>#r "x.dll"</c> and
    /// everything else stay for Roslyn.
    /// </summary>
    /// <exception cref="FormatException">A <c>#r "nuget:…"</c> or <c>#i "nuget:…"</c> line is malformed (no package id,
    /// an empty version, more than one comma); the message quotes it and shows the accepted forms.</exception>
    public static (string Code, IReadOnlyList<PackageDirective> Directives) Extract(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var lines = code.Split('\n');
        var directives = new List<PackageDirective>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = DirectiveLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }
            directives.Add(Parse(i + 1, match.Groups["kind"].Value == "i", match.Groups["body"].Value, lines[i].Trim()));
            lines[i] = lines[i].EndsWith('\r') ? "\r" : "";
        }
        return directives.Count == 0 ? (code, directives) : (string.Join('\n', lines), directives);
    }

    private static PackageDirective Parse(int line, bool isSource, string body, string text)
    {
        const string Forms = "write #r \"nuget: Name\", #r \"nuget: Name, Version\" or #i \"nuget: https://feed/index.json\"";
        body = body.Trim();
        if (isSource)
        {
            return body.Length == 0
                ? throw new FormatException($"line {line}: '{text}' names no package source; {Forms}.")
                : new PackageDirective(line, true, body, null);
        }
        var parts = body.Split(',');
        var name = parts[0].Trim();
        if (parts.Length > 2 && !IsRange(body[(body.IndexOf(',') + 1)..]))
        {
            throw new FormatException($"line {line}: '{text}' has more than one comma; {Forms}.");
        }
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            throw new FormatException($"line {line}: '{text}' names no package id; {Forms}.");
        }
        var version = parts.Length > 1 ? body[(body.IndexOf(',') + 1)..].Trim() : null;
        if (version is { Length: 0 })
        {
            throw new FormatException($"line {line}: '{text}' has an empty version; leave out the comma for the latest stable version, or {Forms}.");
        }
        return new PackageDirective(line, false, name, version);
    }

    // A NuGet range such as "[1.0, 2.0)" has its own comma.
    private static bool IsRange(string version) => version.TrimStart().StartsWith('[') || version.TrimStart().StartsWith('(');

    [GeneratedRegex("""^\s*#(?<kind>[ri])\s+"\s*nuget\s*:(?<body>[^"]*)"\s*$""")]
    private static partial Regex DirectiveLine();
}

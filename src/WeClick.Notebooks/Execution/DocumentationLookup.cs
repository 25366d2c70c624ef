using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// The <c>&lt;summary&gt;</c> of a symbol's XML documentation for Jupyter's inspect (Shift+Tab): from the symbol's own
/// source (cells), from the <c>.xml</c> file next to the loaded assembly (the workbench builds one for each of its
/// assemblies), or from the .NET reference pack when an SDK is installed. Files are read once and cached.
/// </summary>
internal static class DocumentationLookup
{
    private static readonly ConcurrentDictionary<string, XDocument?> Files = new(StringComparer.Ordinal);

    /// <summary>The summary as plain text, or null when none is found.</summary>
    public static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(xml))
        {
            try
            {
                return SummaryOf(XElement.Parse("<doc>" + xml + "</doc>"));
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }
        var id = symbol.OriginalDefinition.GetDocumentationCommentId();
        if (id is null || symbol.ContainingAssembly is not { } assembly)
        {
            return null;
        }
        foreach (var file in CandidateFiles(assembly.Name))
        {
            var member = Load(file)?.Root?.Element("members")?.Elements("member")
                .FirstOrDefault(m => (string?)m.Attribute("name") == id);
            if (member is not null)
            {
                return SummaryOf(member);
            }
        }
        return null;
    }

    private static IEnumerable<string> CandidateFiles(string assemblyName)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == assemblyName && !a.IsDynamic && a.Location.Length > 0);
        if (loaded is not null)
        {
            yield return Path.ChangeExtension(loaded.Location, ".xml");
        }
        if (ReferencePackDirectory() is { } pack)
        {
            // System.Private.CoreLib's public types are documented under their reference assemblies.
            var names = assemblyName == "System.Private.CoreLib" ? ["System.Runtime", "System.Collections", "System.Threading"] : new[] { assemblyName };
            foreach (var name in names)
            {
                yield return Path.Combine(pack, name + ".xml");
            }
        }
    }

    private static XDocument? Load(string path) => Files.GetOrAdd(path, file =>
    {
        try
        {
            return File.Exists(file) ? XDocument.Load(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return null;
        }
    });

    private static string? SummaryOf(XElement member)
    {
        if (member.Descendants("summary").FirstOrDefault() is not { } summary)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var target = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? "";
                    text.Append(see.IsEmpty ? target[(target.LastIndexOfAny([':', '.']) + 1)..] : "");
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append((string?)reference.Attribute("name"));
                    break;
            }
        }
        var collapsed = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }

    private static string? ReferencePackDirectory()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = runtime.Parent?.Parent?.Parent;
        var version = Environment.Version;
        var candidate = root is null ? null : Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref", runtime.Name, "ref", $"net{version.Major}.{version.Minor}");
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }
}

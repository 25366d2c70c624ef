using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace WeClick.Notebooks.Kernel;

/// <summary>The kernel_info_reply content: who this kernel is and which language it runs.</summary>
public static class KernelInfo
{
    /// <summary>The implementation name frontends show.</summary>
    public const string Implementation = "weclick-csharp";

    /// <summary>The content of a kernel_info_reply.</summary>
    public static JsonObject Content()
    {
        var assembly = typeof(KernelInfo).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        // The C# version the scripting engine compiles (the latest Roslyn knows), not the .NET runtime's.
        var language = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString();
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = Implementation,
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = "csharp",
                ["version"] = language,
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"C# {language} on .NET {Environment.Version} (WeClick kernel {version})",
            ["help_links"] = new JsonArray(),
        };
    }
}

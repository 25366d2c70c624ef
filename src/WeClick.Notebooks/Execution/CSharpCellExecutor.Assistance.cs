using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace WeClick.Notebooks.Execution;

// Jupyter's is_complete, complete and inspect, answered from the current scripting state's compilation.
public sealed partial class CSharpCellExecutor
{
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        localOptions: SymbolDisplayLocalOptions.IncludeType,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <inheritdoc/>
    public CodeCompleteness IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(code, _parseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            var root = tree.GetRoot();
            var open = root.DescendantTokens().Count(t => t.IsKind(SyntaxKind.OpenBraceToken) && !t.IsMissing);
            var close = root.DescendantTokens().Count(t => t.IsKind(SyntaxKind.CloseBraceToken) && !t.IsMissing);
            return new CodeCompleteness(CodeCompletenessStatus.Incomplete, open > close ? "    " : "");
        }
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new CodeCompleteness(CodeCompletenessStatus.Invalid)
            : new CodeCompleteness(CodeCompletenessStatus.Complete);
    }

    /// <inheritdoc/>
    /// <remarks>After <c>expr.</c>: the accessible members of <c>expr</c>'s type (instance members and extension
    /// methods for a value, static members and nested types for a type, members of a namespace); otherwise every symbol
    /// in scope — variables and types from earlier cells included. Filtered by the identifier being typed (ignoring
    /// case), distinct, sorted.</remarks>
    public CompletionResult Complete(string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }
        var prefix = code[start..cursor];
        var (model, root) = Analyze(code);
        IEnumerable<ISymbol> candidates;
        if (start > 0 && code[start - 1] == '.' && MemberContainer(model, root.FindToken(start - 1).Parent) is { } container)
        {
            candidates = container;
        }
        else
        {
            candidates = model.LookupSymbols(start);
        }
        var matches = candidates
            .Where(s => s.CanBeReferencedByName && !s.IsImplicitlyDeclared && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CompletionResult(matches, start, cursor);

        IEnumerable<ISymbol>? MemberContainer(SemanticModel semantics, SyntaxNode? dotParent)
        {
            var target = dotParent switch
            {
                MemberAccessExpressionSyntax access => (SyntaxNode)access.Expression,
                QualifiedNameSyntax qualified => qualified.Left,
                _ => null,
            };
            if (target is null)
            {
                return null;
            }
            var symbol = semantics.GetSymbolInfo(target).Symbol;
            switch (symbol)
            {
                case INamespaceSymbol ns:
                    return semantics.LookupNamespacesAndTypes(start, ns);
                case ITypeSymbol type:
                    return semantics.LookupStaticMembers(start, type).Where(s => s.IsStatic || s is ITypeSymbol);
            }
            var valueType = semantics.GetTypeInfo(target).Type;
            return valueType is null || valueType.TypeKind == TypeKind.Error
                ? []
                : semantics.LookupSymbols(start, valueType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
        }
    }

    /// <inheritdoc/>
    /// <remarks>The symbol's signature (its type for variables), its kind, and the summary of its XML documentation
    /// when the documentation is available; every overload for a method group.</remarks>
    public string? Inspect(string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length == 0)
        {
            return null;
        }
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, root) = Analyze(code);
        foreach (var position in new[] { cursor, cursor - 1 }.Where(p => p >= 0 && p < code.Length))
        {
            var token = root.FindToken(position);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is null)
            {
                continue;
            }
            var symbols = SymbolsAt(model, token.Parent);
            if (symbols.Count > 0)
            {
                return Describe(symbols);
            }
        }
        return null;
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol)
        {
            return [symbol];
        }
        if (!info.CandidateSymbols.IsEmpty)
        {
            return [.. info.CandidateSymbols];
        }
        return model.GetDeclaredSymbol(node) is { } declared ? [declared] : [];
    }

    private static string Describe(List<ISymbol> symbols)
    {
        var text = new StringBuilder();
        foreach (var symbol in symbols.Take(10))
        {
            text.Append(WithoutSubmission(symbol.ToDisplayString(SignatureFormat)));
            text.Append("   (").Append(KindName(symbol)).Append(")\n");
        }
        if (symbols.Count > 10)
        {
            text.Append($"(+{symbols.Count - 10} more overloads)\n");
        }
        if (DocumentationLookup.Summary(symbols[0]) is { } summary)
        {
            text.Append('\n').Append(summary).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string KindName(ISymbol symbol) => symbol switch
    {
        IFieldSymbol { ContainingType.IsScriptClass: true } => "variable",
        IMethodSymbol { MethodKind: MethodKind.ReducedExtension } => "extension method",
        INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    private static string WithoutSubmission(string display) => Regex.Replace(display, @"Submission#\d+\.", "");

    /// <summary>The semantic model of <paramref name="code"/> as the next cell (nothing runs).</summary>
    private (SemanticModel Model, SyntaxNode Root) Analyze(string code)
    {
        ScriptState<object>? state;
        lock (_gate)
        {
            state = _state;
        }
        var compilation = Continue(state, code, ExecutionCount + 1).GetCompilation();
        var tree = compilation.SyntaxTrees.First();
        return (compilation.GetSemanticModel(tree), tree.GetRoot());
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// Rewrites a cell so that a Jupyter interrupt can stop it without <c>Thread.Abort</c> (gone in .NET Core): the first
/// statement of every loop body (<c>for</c>, <c>foreach</c>, <c>while</c>, <c>do</c>) and of every block-bodied lambda,
/// anonymous method and local function becomes <c>CellInterrupt.ThrowIfRequested()</c>. The call is written on the
/// line of the body's opening brace (a brace is added around a single-statement body, on that statement's line), so
/// the line numbers of compile errors and stack frames stay those of the cell as typed. Every <c>goto</c> gets the
/// check in front of it, so loops built from labels stop too.
/// </summary>
internal sealed class InterruptInjector : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Check =
        SyntaxFactory.ParseStatement("global::WeClick.Notebooks.Execution.CellInterrupt.ThrowIfRequested();");

    private InterruptInjector()
    {
    }

    /// <summary>The cell's code with the checks written in; <paramref name="code"/> itself when it has no loop or lambda.</summary>
    public static string Instrument(string code, CSharpParseOptions parseOptions)
    {
        var root = CSharpSyntaxTree.ParseText(code, parseOptions).GetRoot();
        var rewritten = new InterruptInjector().Visit(root);
        return ReferenceEquals(rewritten, root) ? code : rewritten.ToFullString();
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return Guard(visited);
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(GuardBlock(block)) : visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(GuardBlock(block)) : visited;
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(GuardBlock(visited.Block));
    }

    /// <inheritdoc/>
    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.Body is { } body ? visited.WithBody(GuardBlock(body)) : visited;
    }

    private static BlockSyntax GuardBlock(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, Check));

    private static StatementSyntax Guard(StatementSyntax body)
    {
        if (body is BlockSyntax block)
        {
            return GuardBlock(block);
        }
        // `while (x) Step();` → `while (x) {Check();Step();}` on the statement's own lines (`goto l;` likewise).
        var open = SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia());
        var close = SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(body.GetTrailingTrivia());
        var inner = body.WithLeadingTrivia().WithTrailingTrivia();
        return SyntaxFactory.Block(open, SyntaxFactory.List([Check, inner]), close);
    }
}

using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Execution;

public sealed class CSharpCellExecutorTests(SharedExecutorFixture fixture) : IClassFixture<SharedExecutorFixture>
{
    private ICellExecutor Executor => fixture.Executor;

    [Fact]
    public async Task State_CarriesVariablesTypesAndUsingsAcrossCells()
    {
        await ExecutorTesting.RunOk(Executor, "using System.Globalization;\nrecord Point(int X, int Y);\nvar carried = 40;");
        await ExecutorTesting.RunOk(Executor, "carried += 2;");
        var outcome = await ExecutorTesting.RunOk(Executor, "var p = new Point(carried, 1);\n(p.X + p.Y).ToString(CultureInfo.InvariantCulture) + \"/\" + nameof(NumberStyles)");

        Assert.Equal("43/NumberStyles", outcome.Result!.Text);
    }

    [Fact]
    public async Task LastExpression_BecomesResult_AndStatementsOrVoidGiveNone()
    {
        var value = await ExecutorTesting.RunOk(Executor, "var half = 1.5;\nhalf * 2");
        var statement = await ExecutorTesting.RunOk(Executor, "var unused = 3;");
        var voidCall = await ExecutorTesting.RunOk(Executor, "Console.Write(\"\")");
        var nullValue = await ExecutorTesting.RunOk(Executor, "(string?)null");

        Assert.Equal("3", value.Result!.Text);
        Assert.Equal([MimeBundle.PlainText], value.Result.Data.Keys);
        Assert.Null(statement.Result);
        Assert.Null(voidCall.Result);
        Assert.Null(nullValue.Result);
        Assert.True(value.ExecutionCount > 0 && statement.ExecutionCount == value.ExecutionCount + 1);
    }

    [Fact]
    public async Task Display_GivesExactlyTheMimeTypesOfEachKind()
    {
        var sink = new RecordingSink();
        await ExecutorTesting.RunOk(Executor, """
            class Badge : WeClick.Reports.IMimeRenderable
            {
                public WeClick.Reports.MimeBundle ToMimeBundle() =>
                    new WeClick.Reports.MimeBundle("badge").With("image/svg+xml", "<svg/>");
            }
            display("plain");
            display(HTML("<b>bold</b>"));
            display(Markdown("**md**"));
            display(new Badge());
            display(new Badge(), "text/plain");
            """, sink);

        var bundles = sink.Outputs.Cast<DisplayOutput>().Select(d => d.Bundle).ToList();
        Assert.Equal(5, bundles.Count);
        Assert.Equal(["text/plain"], bundles[0].Data.Keys.Order());
        Assert.Equal("plain", bundles[0].Text);
        Assert.Equal(["text/html", "text/plain"], bundles[1].Data.Keys.Order());
        Assert.Equal("<b>bold</b>", bundles[1].Data["text/html"].GetValue<string>());
        Assert.Equal(["text/markdown", "text/plain"], bundles[2].Data.Keys.Order());
        Assert.Equal(["image/svg+xml", "text/plain"], bundles[3].Data.Keys.Order());
        Assert.Equal(["text/plain"], bundles[4].Data.Keys.Order());
        Assert.All(sink.Outputs.Cast<DisplayOutput>(), d => Assert.False(string.IsNullOrEmpty(d.DisplayId)));
    }

    [Fact]
    public async Task DisplayedValueUpdate_ReplacesTheOutputWithTheSameId()
    {
        var sink = new RecordingSink();
        await ExecutorTesting.RunOk(Executor, "var progress = display(\"epoch 1\");\nprogress.Update(\"epoch 2\");", sink);

        var shown = Assert.IsType<DisplayOutput>(sink.Outputs[0]);
        var update = Assert.IsType<UpdateOutput>(sink.Outputs[1]);
        Assert.Equal(shown.DisplayId, update.DisplayId);
        Assert.Equal("epoch 2", update.Bundle.Text);

        var later = new RecordingSink();
        await ExecutorTesting.RunOk(Executor, "progress.Update(\"done\");", later);
        Assert.Equal(shown.DisplayId, Assert.IsType<UpdateOutput>(Assert.Single(later.Outputs)).DisplayId);
    }

    [Fact]
    public async Task Console_IsCapturedInOrderWithDisplays()
    {
        var sink = new RecordingSink();
        await ExecutorTesting.RunOk(Executor, """
            Console.WriteLine("one");
            Console.Write("two ");
            display("shown");
            Console.Error.WriteLine("oops");
            Console.WriteLine("three");
            await Task.Run(() => Console.WriteLine("from a task"));
            Console.Write("tail");
            """, sink);

        var sequence = sink.Outputs.Select(o => o switch
        {
            StreamOutput s => $"{s.Name}:{s.Text}",
            DisplayOutput d => $"display:{d.Bundle.Text}",
            _ => o.ToString(),
        });
        Assert.Equal(["stdout:one\n", "stdout:two ", "display:shown", "stderr:oops\n", "stdout:three\n", "stdout:from a task\n", "stdout:tail"], sequence);
    }

    [Fact]
    public async Task Tensor_FromACell_ShowsItsValues()
    {
        // No using: TorchSharp and static TorchSharp.torch are default imports, as PyTorch's `torch` is at hand.
        var outcome = await ExecutorTesting.RunOk(Executor, "var t = arange(6).reshape(2, 3);\nt");

        Assert.Equal("tensor([[0, 1, 2],\n        [3, 4, 5]])", outcome.Result!.Text);
        Assert.Contains("<td>5</td>", outcome.Result.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public async Task TorchSharp_FromACell_TrainsAModule()
    {
        // The engine's natives load inside the executor, and PyTorch code ports line by line (nn, optim, functional).
        var outcome = await ExecutorTesting.RunOk(Executor, """
            manual_seed(0);
            var layer = nn.Linear(3, 1);
            var optimizer = optim.SGD(layer.parameters(), learningRate: 0.1);
            var x = randn(16, 3);
            var y = x.sum(1, keepdim: true);
            double Loss() => nn.functional.mse_loss(layer.call(x), y, nn.Reduction.Mean).item<float>();
            var before = Loss();
            for (var i = 0; i < 50; i++)
            {
                optimizer.zero_grad();
                nn.functional.mse_loss(layer.call(x), y, nn.Reduction.Mean).backward();
                optimizer.step();
            }
            (before, after: Loss(), torch.__version__)
            """);

        Assert.Matches(@"^\(\d+\.\d+, \d+\.\d+(E-\d+)?, 2\.10", outcome.Result!.Text);
        var values = outcome.Result.Text.Trim('(', ')').Split(", ");
        Assert.True(double.Parse(values[1], System.Globalization.CultureInfo.InvariantCulture) < double.Parse(values[0], System.Globalization.CultureInfo.InvariantCulture) / 10,
            outcome.Result.Text);
    }

    [Fact]
    public async Task CompileError_ReportsEveryDiagnosticAsDotNetInteractive_AndStateSurvives()
    {
        await ExecutorTesting.RunOk(Executor, "var survivor = 7;");
        var outcome = await ExecutorTesting.Run(Executor, "var a = 1;\nint b = \"text\";\nfor (var i = 0; i < 2; i++) { undefinedName++; }");

        // .NET Interactive's form: ename "Error", one "(line,col): error CSxxxx: message" per diagnostic (the loop's
        // interrupt check does not move the second one's column).
        string[] expected =
        [
            "(2,9): error CS0029: Cannot implicitly convert type 'string' to 'int'",
            "(3,31): error CS0103: The name 'undefinedName' does not exist in the current context",
        ];
        Assert.Equal("Error", outcome.Error!.Name);
        Assert.Equal(expected, outcome.Error.Traceback);
        Assert.Equal(string.Join("\n", expected), outcome.Error.Message);
        Assert.Equal("8", (await ExecutorTesting.RunOk(Executor, "survivor + 1")).Result!.Text);
    }

    [Fact]
    public async Task CompileError_InACellStartingWithCSharpSelector_KeepsTheLinesAsTyped()
    {
        var typed = "#!csharp\nvar a = 1;\nint b = \"text\";";
        var outcome = await ExecutorTesting.Run(Executor, WeClick.Notebooks.Documents.CellLanguage.CSharpSource(typed));

        Assert.Equal(["(3,9): error CS0029: Cannot implicitly convert type 'string' to 'int'"], outcome.Error!.Traceback);
        Assert.Equal("2", (await ExecutorTesting.RunOk(Executor, WeClick.Notebooks.Documents.CellLanguage.CSharpSource("#!c#\n1 + 1"))).Result!.Text);
    }

    [Fact]
    public async Task RuntimeError_ContinuesFromTheStateItReached()
    {
        var outcome = await ExecutorTesting.Run(Executor, "var reached = 5;\nthrow new InvalidOperationException(\"bad \" + reached);");

        Assert.Equal("InvalidOperationException", outcome.Error!.Name);
        Assert.Equal("bad 5", outcome.Error.Message);
        Assert.Equal("10", (await ExecutorTesting.RunOk(Executor, "reached * 2")).Result!.Text);
    }

    [Fact]
    public async Task RuntimeError_InAWorkbenchLibrary_KeepsItsFrameAboveTheCell()
    {
        var outcome = await ExecutorTesting.Run(Executor, "var bundle = new WeClick.Reports.MimeBundle(\"x\");\nbundle.WithJson(\"text/plain\", new System.Text.Json.Nodes.JsonObject());");

        var error = outcome.Error!;
        Assert.Equal("ArgumentException", error.Name);
        Assert.StartsWith("  at WeClick.Reports.MimeBundle.WithJson in ", error.Traceback[1]);
        Assert.Matches(@"^  at <cell> in cell \[\d+\], line 2$", error.Traceback[2]);
        Assert.Equal(3, error.Traceback.Count);
    }

    [Fact]
    public async Task ConsoleIn_ReadsAsEmptyInsteadOfBlocking()
    {
        Assert.Equal("True", (await ExecutorTesting.RunOk(Executor, "Console.ReadLine() is null")).Result!.Text);
    }

    [Fact]
    public void IsComplete_TellsCompleteIncompleteAndInvalid()
    {
        Assert.Equal(new CodeCompleteness(CodeCompletenessStatus.Complete), Executor.IsComplete("var x = 1;"));
        Assert.Equal(new CodeCompleteness(CodeCompletenessStatus.Incomplete, "    "), Executor.IsComplete("if (true) {"));
        Assert.Equal(CodeCompletenessStatus.Incomplete, Executor.IsComplete("var s = \"\"\"\nopen").Status);
        Assert.Equal(CodeCompletenessStatus.Invalid, Executor.IsComplete("}").Status);
    }

    [Fact]
    public async Task Complete_MembersAfterDot_AndVariablesFromEarlierCells()
    {
        await ExecutorTesting.RunOk(Executor, "var completionSubject = \"abc\";\nvar completionCount = 3;");

        var members = Executor.Complete("completionSubject.Le", 20);
        Assert.Contains("Length", members.Matches);
        Assert.DoesNotContain("Substring", members.Matches);
        Assert.Equal((18, 20), (members.CursorStart, members.CursorEnd));

        var statics = Executor.Complete("Math.Ma", 7);
        Assert.Contains("Max", statics.Matches);
        Assert.DoesNotContain("GetHashCode", statics.Matches);

        var namespaces = Executor.Complete("using System.Te", 15);
        Assert.Contains("Text", namespaces.Matches);
        Assert.All(namespaces.Matches, name => Assert.StartsWith("Te", name, StringComparison.OrdinalIgnoreCase));

        var variables = Executor.Complete("var y = completion", 18);
        Assert.Equal(["completionCount", "completionSubject"], variables.Matches);
        Assert.Equal(8, variables.CursorStart);
    }

    [Fact]
    public async Task Inspect_ShowsSignatureAndDocumentation()
    {
        await ExecutorTesting.RunOk(Executor, "/// <summary>Adds one.</summary>\nint AddOne(int value) => value + 1;\nvar inspected = 2.5;");

        var method = Executor.Inspect("AddOne(3)", 2);
        Assert.NotNull(method);
        Assert.Contains("int AddOne(int value)", method);
        Assert.Contains("Adds one.", method);
        Assert.Contains("double inspected", Executor.Inspect("inspected", 9));
        Assert.Contains("string.Substring(int startIndex, int length)", Executor.Inspect("\"a\".Substring(0, 1)", 6));
        Assert.Null(Executor.Inspect("   ", 1));
        Assert.Contains("True for application/json", Executor.Inspect("WeClick.Reports.MimeBundle.IsJsonMimeType(\"x\")", 30));
    }
}

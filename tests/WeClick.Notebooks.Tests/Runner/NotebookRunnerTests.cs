using System.Text.Json.Nodes;
using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Runner;
using WeClick.Notebooks.Tests.Documents;

namespace WeClick.Notebooks.Tests.Runner;

public sealed class NotebookRunnerTests
{
    private static NotebookCell Code(string id, string source, params string[] tags)
    {
        var cell = new NotebookCell(NotebookCellType.Code, source, id);
        if (tags.Length > 0)
        {
            cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        }
        return cell;
    }

    private static NotebookDocument Notebook(params NotebookCell[] cells)
    {
        var notebook = NotebookDocument.CreateCSharp();
        notebook.Cells.AddRange(cells);
        return notebook;
    }

    private static Task<NotebookRunResult> Run(NotebookDocument notebook, ScriptedExecutor executor, NotebookRunOptions? options = null) =>
        NotebookRunner.RunAsync(notebook, options ?? new NotebookRunOptions(), executor, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Parameters_AreInjectedAfterTheParametersCellAsPapermillsCSharp()
    {
        var notebook = Notebook(Code("intro", "print:start"), Code("params", "var epochs = 1;\nvar name = \"a\";", "parameters"), Code("use", "print:use"));
        var executor = new ScriptedExecutor();
        var options = new NotebookRunOptions { Parameters = [NotebookParameter.Parse("epochs=5"), NotebookParameter.Raw("name", "davis"), NotebookParameter.Parse("typo=1")] };

        var result = await Run(notebook, executor, options);

        var injected = result.Notebook.Cells[2];
        Assert.Equal("// Parameters\nvar epochs = 5;\nvar name = \"davis\";\nvar typo = 1;\n", injected.Source);
        Assert.Equal([ParameterInjector.InjectedTag], injected.Tags);
        Assert.Equal("injected-parameters", injected.Id);
        Assert.Equal(["intro", "params", "injected-parameters", "use"], result.Notebook.Cells.Select(c => c.Id));
        Assert.Equal(injected.Source, executor.Executed[2]); // ran, in order, after the defaults
        Assert.Equal(["Passed unknown parameter: typo"], result.Warnings);
        var papermill = result.Notebook.Metadata["papermill"]!.AsObject();
        Assert.Equal("""{"epochs":5,"name":"davis","typo":1}""", papermill["parameters"]!.ToJsonString());
        Assert.Equal("1", papermill["default_parameters"]!["epochs"]!.GetValue<string>());
        Assert.Equal(3, notebook.Cells.Count); // the input notebook is not changed
    }

    [Fact]
    public async Task Parameters_ReplaceAnExistingInjectedCell_OrGoOnTopWithoutAParametersCell()
    {
        var withOld = Notebook(Code("p", "var n = 1;", "parameters"), Code("old", "// Parameters\nvar n = 2;\n", "injected-parameters"), Code("x", "print:x"));
        var replaced = (await Run(withOld, new ScriptedExecutor(), new NotebookRunOptions { Parameters = [NotebookParameter.Parse("n=3")] })).Notebook;
        Assert.Equal(["p", "old", "x"], replaced.Cells.Select(c => c.Id));
        Assert.Equal("// Parameters\nvar n = 3;\n", replaced.Cells[1].Source);

        var without = Notebook(Code("a", "print:a"));
        var result = await Run(without, new ScriptedExecutor(), new NotebookRunOptions { Parameters = [NotebookParameter.Parse("n=3")] });
        Assert.Equal(["injected-parameters", "a"], result.Notebook.Cells.Select(c => c.Id));
        Assert.Equal(["Passed unknown parameter: n"], result.Warnings);

        var noParameters = (await Run(withOld, new ScriptedExecutor())).Notebook;
        Assert.Equal("// Parameters\nvar n = 2;\n", noParameters.Cells[1].Source); // nothing injected without -p
    }

    [Fact]
    public async Task Outputs_AreCollectedInOrder_StreamsMerged_DisplaysUpdatedAcrossCells()
    {
        var notebook = Notebook(
            Code("a", "print:one\nprint:two\nerr:warn\nprint:three\nshow:progress:0%\ndisplay:fig\nresult:42"),
            Code("b", "update:progress:100%\nupdate:unknown:x\nprint:done"));
        var result = await Run(notebook, new ScriptedExecutor());

        Assert.True(result.Succeeded);
        var first = result.Notebook.Cells[0];
        Assert.Equal(1, first.ExecutionCount);
        Assert.Equal(["stream", "stream", "stream", "display_data", "display_data", "execute_result"], first.Outputs.Select(o => o.OutputType));
        Assert.Equal("one\ntwo\n", ((StreamOutput)first.Outputs[0]).Text);
        Assert.Equal("stderr", ((StreamOutput)first.Outputs[1]).Name);
        Assert.Equal("three\n", ((StreamOutput)first.Outputs[2]).Text);
        Assert.Equal("100%", ((DisplayDataOutput)first.Outputs[3]).Bundle.Text); // replaced by the second cell's update
        Assert.Equal("<b>fig</b>", ((DisplayDataOutput)first.Outputs[4]).Bundle.Data["text/html"].GetValue<string>());
        var value = (ExecuteResultOutput)first.Outputs[5];
        Assert.Equal(("42", (int?)1), (value.Bundle.Text, value.ExecutionCount));
        var second = result.Notebook.Cells[1];
        Assert.Equal(2, second.ExecutionCount);
        Assert.Equal("done\n", Assert.IsType<StreamOutput>(Assert.Single(second.Outputs)).Text);
    }

    [Fact]
    public async Task FailingCell_StopsTheRun_RecordsPapermillMetadata_AndTheOutputIsStillWritten()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.ipynb");
        var stale = Code("d", "print:later");
        stale.ExecutionCount = 9;
        stale.Outputs.Add(new StreamOutput("stdout", "old output\n"));
        var notebook = Notebook(Code("a", "print:a"), Code("b", "print:b"), Code("c", "print:before\nfail:boom"), stale, Code("e", "print:e"));
        var executor = new ScriptedExecutor();

        var result = await Run(notebook, executor, new NotebookRunOptions { InputPath = "in.ipynb", OutputPath = output });

        Assert.False(result.Succeeded);
        Assert.Equal((2, 3), (result.Failure!.CellIndex, result.Failure.ExecutionCount));
        Assert.Equal("boom", result.Failure.Error!.Message);
        Assert.Equal(3, executor.Executed.Count);
        var written = NotebookDocument.Load(output);
        var failed = written.Cells[2];
        Assert.Equal(["stream", "error"], failed.Outputs.Select(o => o.OutputType));
        Assert.Equal("InvalidOperationException", ((ErrorOutput)failed.Outputs[1]).Error.Name);
        Assert.Equal("failed", failed.Metadata["papermill"]!["status"]!.GetValue<string>());
        Assert.True(failed.Metadata["papermill"]!["exception"]!.GetValue<bool>());
        Assert.NotNull(failed.Metadata["execution"]!["shell.execute_reply"]);
        Assert.Equal("completed", written.Cells[0].Metadata["papermill"]!["status"]!.GetValue<string>());
        foreach (var later in written.Cells.Skip(3))
        {
            Assert.Null(later.ExecutionCount);
            Assert.Empty(later.Outputs);
            Assert.Equal("pending", later.Metadata["papermill"]!["status"]!.GetValue<string>());
        }
        var papermill = written.Metadata["papermill"]!;
        Assert.True(papermill["exception"]!.GetValue<bool>());
        Assert.Equal(("in.ipynb", output), (papermill["input_path"]!.GetValue<string>(), papermill["output_path"]!.GetValue<string>()));
        Assert.True(papermill["duration"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task AllowErrors_AndRaisesExceptionTag_KeepRunning()
    {
        var notebook = Notebook(Code("a", "fail:expected", "raises-exception"), Code("b", "fail:real"), Code("c", "print:c"));
        var strict = await Run(notebook, new ScriptedExecutor());
        Assert.Equal(1, strict.Failure!.CellIndex); // the tagged cell's error did not stop it; the next one did
        Assert.Null(strict.Notebook.Cells[2].ExecutionCount);

        var lenient = await Run(notebook, new ScriptedExecutor(), new NotebookRunOptions { AllowErrors = true });
        Assert.Equal(1, lenient.Failure!.CellIndex);
        Assert.Equal(3, lenient.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task MarkdownRawBlankAndSkipExecutionCells_AreLeftAsTheyAre_OtherLanguagesSaySkipped()
    {
        var markdown = new NotebookCell(NotebookCellType.Markdown, "# Title", "md");
        var raw = new NotebookCell(NotebookCellType.Raw, "raw", "raw");
        var fsharp = Code("fs", "printfn \"hi\"");
        fsharp.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" };
        fsharp.Outputs.Add(new StreamOutput("stdout", "hi\n"));
        fsharp.ExecutionCount = 4;
        var legacyCSharp = Code("cs", "print:cs");
        legacyCSharp.Metadata["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" };
        var blank = Code("blank", "  \n");
        var skipped = Code("skip", "print:no", "skip-execution");
        var notebook = Notebook(markdown, raw, fsharp, legacyCSharp, blank, skipped);
        var before = notebook.ToJson();
        var executor = new ScriptedExecutor();

        var result = await Run(notebook, executor);

        Assert.Equal(["print:cs"], executor.Executed);
        var after = JsonNode.Parse(result.Notebook.ToJson())!["cells"]!.AsArray();
        var original = JsonNode.Parse(before)!["cells"]!.AsArray();
        foreach (var i in new[] { 0, 1, 4, 5 })
        {
            Assert.Equal(original[i]!.ToJsonString(), after[i]!.ToJsonString());
        }
        Assert.Equal(1, result.Notebook.Cells[3].ExecutionCount);
        // The F# cell's old output gives way to the line that says why it did not run (as the kernel prints it).
        var skippedLine = Assert.IsType<StreamOutput>(Assert.Single(result.Notebook.Cells[2].Outputs));
        Assert.Equal(("stderr", "skipped: an F# cell (#!fsharp); the WeClick kernel runs C# only\n"), (skippedLine.Name, skippedLine.Text));
        Assert.Null(result.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task NotebookInAnotherLanguage_IsRefusedNamingIt_AndNothingRuns()
    {
        var notebook = Notebook(Code("a", "print:a"));
        notebook.Metadata["language_info"] = new JsonObject { ["name"] = "python" };
        var executor = new ScriptedExecutor();
        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => Run(notebook, executor));
        Assert.StartsWith("the notebook: its default kernel is Python and none of its 1 code cell(s) is C# (Python)", error.Message);
        Assert.Empty(executor.Executed);
    }

    [Fact]
    public async Task TwoRuns_DifferOnlyUnderTheTimingMetadataKeys()
    {
        var notebook = Notebook(Code("p", "var n = 1;", "parameters"), Code("a", "print:a\nshow:d:1\nresult:x"), Code("b", "update:d:2\nfail:stop"));
        var options = new NotebookRunOptions { Parameters = [NotebookParameter.Parse("n=2")] };
        async Task<string> Stripped()
        {
            var json = JsonNode.Parse((await Run(notebook, new ScriptedExecutor(), options)).Notebook.ToJson())!;
            json["metadata"]!.AsObject().Remove("papermill");
            foreach (var cell in json["cells"]!.AsArray())
            {
                cell!["metadata"]!.AsObject().Remove("papermill");
                cell["metadata"]!.AsObject().Remove("execution");
            }
            return json.ToJsonString();
        }
        var first = await Stripped();
        await Task.Delay(5);
        Assert.Equal(first, await Stripped());
        Assert.Contains("\"2\"", first);
    }

    [Fact]
    public async Task Progress_ReportsEachCellStartingAndFinishing()
    {
        var notebook = Notebook(Code("a", "print:a"), new NotebookCell(NotebookCellType.Markdown, "m", "m"), Code("b", "fail:x"));
        var reports = new List<NotebookRunProgress>();
        var progress = new SynchronousProgress(reports.Add);
        await NotebookRunner.RunAsync(notebook, new NotebookRunOptions(), new ScriptedExecutor(), progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([(0, 1, 2, false), (0, 1, 2, true), (2, 2, 2, false), (2, 2, 2, true)], reports.Select(r => (r.CellIndex, r.CodeCellNumber, r.CodeCellCount, r.Finished)));
        Assert.Equal("x", reports[^1].Error!.Message);
    }

    private sealed class SynchronousProgress(Action<NotebookRunProgress> report) : IProgress<NotebookRunProgress>
    {
        public void Report(NotebookRunProgress value) => report(value);
    }

    [Fact]
    public async Task Cancellation_WritesTheOutputAndThrows()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.ipynb");
        using var cancel = new CancellationTokenSource();
        var notebook = Notebook(Code("a", "print:a"), Code("b", "print:b"));
        var progress = new SynchronousProgress(p =>
        {
            if (p.Finished)
            {
                cancel.Cancel(); // after the first cell
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            NotebookRunner.RunAsync(notebook, new NotebookRunOptions { OutputPath = output }, new ScriptedExecutor(), progress, cancel.Token).WaitAsync(TimeSpan.FromSeconds(30)));
        var written = NotebookDocument.Load(output);
        Assert.Equal((1, (int?)null), (written.Cells[0].ExecutionCount, written.Cells[1].ExecutionCount));
        Assert.True(written.Metadata["papermill"]!["exception"]!.GetValue<bool>());
    }
}

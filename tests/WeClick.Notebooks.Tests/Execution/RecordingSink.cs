using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Tests.Execution;

/// <summary>An <see cref="IOutputSink"/> that records every output in order.</summary>
public class RecordingSink : IOutputSink
{
    private readonly Lock _gate = new();
    private readonly List<RecordedOutput> _outputs = [];
    private readonly TaskCompletionSource _firstOutput = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first output arrives (a cell announcing that it runs).</summary>
    public Task FirstOutput => _firstOutput.Task;

    public IReadOnlyList<RecordedOutput> Outputs
    {
        get
        {
            lock (_gate)
            {
                return [.. _outputs];
            }
        }
    }

    /// <summary>All text of one stream, concatenated.</summary>
    public string StreamText(string name) =>
        string.Concat(Outputs.OfType<StreamOutput>().Where(o => o.Name == name).Select(o => o.Text));

    public void Stream(string name, string text) => Add(new StreamOutput(name, text));

    public void Display(MimeBundle bundle, string? displayId) => Add(new DisplayOutput(bundle, displayId));

    public void UpdateDisplay(MimeBundle bundle, string displayId) => Add(new UpdateOutput(bundle, displayId));

    private void Add(RecordedOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
        }
        _firstOutput.TrySetResult();
    }
}

public abstract record RecordedOutput;

public sealed record StreamOutput(string Name, string Text) : RecordedOutput;

public sealed record DisplayOutput(MimeBundle Bundle, string? DisplayId) : RecordedOutput;

public sealed record UpdateOutput(MimeBundle Bundle, string DisplayId) : RecordedOutput;

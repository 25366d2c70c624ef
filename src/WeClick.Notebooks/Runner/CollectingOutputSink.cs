using WeClick.Notebooks.Documents;
using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Runner;

/// <summary>
/// Collects a running cell's outputs into its <see cref="NotebookCell.Outputs"/> as nbclient and JupyterLab do:
/// consecutive writes to the same stream merge into one stream output; an update_display_data replaces the data of every
/// earlier display_data with that display id, in whichever cell of the run it is (unknown ids are ignored, as nbclient does).
/// </summary>
internal sealed class CollectingOutputSink : IOutputSink
{
    private readonly object _gate;
    private readonly List<NotebookOutput> _outputs;
    private readonly Dictionary<string, List<DisplayDataOutput>> _displays;

    /// <param name="outputs">The running cell's outputs.</param>
    /// <param name="displays">Display id → outputs, shared by all cells of the run.</param>
    /// <param name="gate">The lock shared by all cells of the run (cells may start threads that outlive them).</param>
    public CollectingOutputSink(List<NotebookOutput> outputs, Dictionary<string, List<DisplayDataOutput>> displays, object gate)
    {
        _outputs = outputs;
        _displays = displays;
        _gate = gate;
    }

    public void Stream(string name, string text)
    {
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
            {
                last.Text += text;
            }
            else
            {
                _outputs.Add(new StreamOutput(name, text));
            }
        }
    }

    public void Display(MimeBundle bundle, string? displayId)
    {
        lock (_gate)
        {
            var output = new DisplayDataOutput(bundle);
            _outputs.Add(output);
            if (displayId is not null)
            {
                if (!_displays.TryGetValue(displayId, out var list))
                {
                    _displays[displayId] = list = [];
                }
                list.Add(output);
            }
        }
    }

    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        lock (_gate)
        {
            foreach (var output in _displays.GetValueOrDefault(displayId) ?? [])
            {
                output.Bundle = bundle;
            }
        }
    }

    /// <summary>Adds an output after the cell's streamed ones (its result, its error).</summary>
    public void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
        }
    }
}

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// <see cref="Console.In"/> while the kernel runs: <c>Console.ReadLine()</c> in a cell becomes a Jupyter
/// input_request to the frontend (when the execute_request allowed stdin). <see cref="Read()"/> serves the same
/// lines character by character.
/// </summary>
internal sealed class KernelConsoleReader(Func<string?> readLine) : TextReader
{
    private string _pending = "";

    public override string? ReadLine()
    {
        if (_pending.Length > 0)
        {
            var rest = _pending.TrimEnd('\n');
            _pending = "";
            return rest;
        }
        return readLine();
    }

    public override int Peek() => Fill() ? _pending[0] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }
        var next = _pending[0];
        _pending = _pending[1..];
        return next;
    }

    private bool Fill()
    {
        if (_pending.Length == 0 && readLine() is { } line)
        {
            _pending = line + "\n";
        }
        return _pending.Length > 0;
    }
}

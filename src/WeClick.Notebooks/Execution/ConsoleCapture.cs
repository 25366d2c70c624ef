using System.Text;

namespace WeClick.Notebooks.Execution;

/// <summary>
/// Redirects <see cref="Console.Out"/> and <see cref="Console.Error"/> for the whole process while at least one executor
/// exists, and routes each write to the output of the cell whose code (or whose threads and tasks — the route is an
/// <see cref="AsyncLocal{T}"/>, which flows to them) wrote it. Writes outside any cell go to the original writers,
/// which are put back when the last executor is disposed. <see cref="Console.In"/> is routed the same way, to the
/// cell's <see cref="CellOutput.Input"/> (the kernel's input_request when the sink is an <see cref="IConsoleInput"/>,
/// empty otherwise); outside cells it reads as empty, since a <c>Console.ReadLine()</c> blocked in a native read of the
/// process's stdin could not be interrupted. Nothing else may replace these three while an executor exists: they are
/// process-wide, and a second writer would race with cells running elsewhere in the process.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<CellOutput?> Route = new();
    private static readonly Lock Gate = new();
    private static int _users;
    private static TextWriter? _originalOut;
    private static TextWriter? _originalError;
    private static TextReader? _originalIn;

    /// <summary>The output of the cell running in this execution context, or null.</summary>
    public static CellOutput? Current => Route.Value;

    /// <summary>Routes this execution context's console writes (and those of what it starts) to <paramref name="output"/>.</summary>
    public static void Enter(CellOutput? output) => Route.Value = output;

    /// <summary>Installs the redirection (counted; each call needs one <see cref="Release"/>).</summary>
    public static void Acquire()
    {
        lock (Gate)
        {
            if (_users++ == 0)
            {
                _originalOut = Console.Out;
                _originalError = Console.Error;
                _originalIn = Console.In;
                Console.SetIn(new RoutingReader());
                Console.SetOut(new RoutingWriter("stdout", _originalOut));
                Console.SetError(new RoutingWriter("stderr", _originalError));
            }
        }
    }

    /// <summary>Puts the original writers back when the last user releases.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            if (_users > 0 && --_users == 0)
            {
                Console.SetOut(_originalOut!);
                Console.SetError(_originalError!);
                Console.SetIn(_originalIn!);
            }
        }
    }

    /// <summary>A console reader that reads from the current cell's input, or is empty outside cells.</summary>
    private sealed class RoutingReader : TextReader
    {
        private static TextReader Current => Route.Value?.Input ?? Null;

        public override string? ReadLine() => Current.ReadLine();

        public override int Peek() => Current.Peek();

        public override int Read() => Current.Read();
    }

    /// <summary>A console writer that sends text to the current cell, or to the process's own console outside cells.</summary>
    private sealed class RoutingWriter(string stream, TextWriter original) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            if (Route.Value?.Write(stream, value) != true)
            {
                original.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Flush()
        {
            if (Route.Value is { } cell)
            {
                cell.Flush();
            }
            else
            {
                original.Flush();
            }
        }
    }
}

using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using WeClick.Vision;

namespace WeClick.Cli.Commands;

/// <summary>Runs the parsed command and turns expected failures into one-line messages and exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Exit code for a failure the user can fix (bad input, missing set-up).</summary>
    public const int UserError = 2;

    public static int Invoke(RootCommand root, string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns for a file or pipe, which wraps the rows of wider tables (reproduce, runs, eval, bench models: 10 columns);
            // keep each row on one line in logs and captured output.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        }
        try
        {
            // Our handler, not System.CommandLine's: expected failures print one line, not a stack trace.
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OpenCvException e)
        {
            // The image layer's native failures (a missing libweclick_native.so, OpenCV's own errors), as TorchException was:
            // OpenCV's text, naming the file where there is one, and for a missing library the set-up command.
            Console.Error.WriteLine($"weclick: {e.Message}");
            return UserError;
        }
        catch (TypeInitializationException e) when (e.InnerException is OpenCvException inner)
        {
            Console.Error.WriteLine($"weclick: {inner.Message}");
            return UserError;
        }
        catch (ExternalException e)
        {
            // TorchSharp turns every libtorch error (bad shape, dtype, device, out of memory) into an ExternalException
            // whose message is c10::Error::what(): libtorch's sentence, then "Exception raised from …" and the C++ frames.
            Console.Error.WriteLine($"weclick: {FirstLine(e.Message)}");
            return UserError;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Includes SafetensorsFormatException (a truncated or corrupt weights file, named in the message) and
            // StateDictException (weights that do not fit the model: every missing, unexpected or mis-shaped key).
            Console.Error.WriteLine($"weclick: {e.Message}");
            return UserError;
        }
    }

    /// <summary>The message up to libtorch's backtrace: its first non-empty line.</summary>
    internal static string FirstLine(string message)
    {
        var line = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line ?? "libtorch failed without a message.";
    }
}

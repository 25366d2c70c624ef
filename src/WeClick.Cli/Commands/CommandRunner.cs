using System.CommandLine;
using Spectre.Console;
using WeClick.Torch;

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
            // Spectre assumes 80 columns for a file or pipe, which wraps the rows of wider tables (reproduce, runs, eval);
            // keep each row on one line in logs and captured output.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        }
        try
        {
            // Our handler, not System.CommandLine's: expected failures print one line, not a stack trace.
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (TorchException e)
        {
            Console.Error.WriteLine($"weclick: {e.Message}");
            return UserError;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"weclick: {e.Message}");
            return UserError;
        }
    }
}

using System.Diagnostics;

namespace WeClick.Cli.Tests;

/// <summary>Runs the built <c>weclick</c> command (the same configuration as these tests) in a child process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The folder of the built CLI: src/WeClick.Cli/bin/&lt;Configuration&gt;/net10.0, or in a build slot
    /// (<c>-p:WeClickBuildSlot=NAME</c>: build/slots/NAME/bin/&lt;Project&gt;/&lt;Configuration&gt;/net10.0) the slot's.</summary>
    public static string CliDirectory
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent!.Name; // bin/<Configuration>/net10.0
            var slotBin = here.Parent.Parent?.Parent;
            if (slotBin is { Name: "bin" } && slotBin.Parent?.Parent is { Name: "slots" })
            {
                return Path.Combine(slotBin.FullName, "WeClick.Cli", configuration, "net10.0");
            }
            var root = here;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "WeClick.Research.sln")))
            {
                root = root.Parent;
            }
            if (root is null)
            {
                throw new InvalidOperationException($"No WeClick.Research.sln above {AppContext.BaseDirectory}.");
            }
            return Path.Combine(root.FullName, "src", "WeClick.Cli", "bin", configuration, "net10.0");
        }
    }

    public static Result Run(params string[] arguments) => RunIn(CliDirectory, arguments);

    public static Result RunIn(string directory, params string[] arguments) => RunWith(directory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs with extra environment variables.</summary>
    public static Result RunWith(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(directory, "weclick.dll"));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"weclick {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Starts the command, waits until a line of its standard error contains <paramref name="line"/>, waits
    /// <paramref name="delay"/>, then SIGKILLs it: no handler runs, as when a machine dies. The tests of resume after a kill
    /// (a training run, a sweep) stop their process here.
    /// </summary>
    /// <exception cref="TimeoutException">The line did not appear within <paramref name="patience"/> (its stderr is in the message).</exception>
    /// <exception cref="InvalidOperationException">The command ended before the kill, or did not exit after it.</exception>
    public static void KillAfter(string line, TimeSpan delay, TimeSpan patience, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(CliDirectory, "weclick.dll"));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } text)
            {
                lock (seen)
                {
                    seen.Add(text);
                }
                if (text.Contains(line, StringComparison.Ordinal))
                {
                    reached.TrySetResult();
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!reached.Task.Wait(patience))
        {
            process.Kill(entireProcessTree: true);
            lock (seen)
            {
                throw new TimeoutException($"never saw '{line}' in {patience.TotalMinutes:F0} min; stderr: {string.Join('\n', seen)}");
            }
        }
        Thread.Sleep(delay);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"the command ended (exit code {process.ExitCode}) before it was killed; wait less than {delay.TotalSeconds:F1} s after '{line}'.");
        }
        process.Kill(); // SIGKILL on Linux
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("the killed process did not exit");
        }
    }
}

using System.CommandLine;
using System.Runtime.InteropServices;
using WeClick.Notebooks.Execution;
using WeClick.Notebooks.Kernel;

namespace WeClick.Cli.Commands;

/// <summary><c>weclick kernel</c>: install or remove the Jupyter kernelspec, and <c>start</c>, which Jupyter runs.</summary>
internal static class KernelCommand
{
    /// <summary>The engine <c>kernel start</c> serves: C# cells in the process's working directory (Jupyter starts kernels in the notebook's folder).</summary>
    private static ICellExecutor CreateExecutor() => new CSharpCellExecutor(new CSharpCellExecutorOptions { WorkingDirectory = Environment.CurrentDirectory });

    public static Command Create() => new("kernel", "The Jupyter kernel for C# notebooks: install or remove its kernelspec, or start it (Jupyter does that).")
    {
        Install(), Remove(), Start(),
    };

    private sealed record Location(Option<bool> User, Option<bool> SysPrefix, Option<string?> Prefix, Option<string> Name)
    {
        public static Location Create() => new(
            new Option<bool>("--user") { Description = "Per-user kernels folder: $JUPYTER_DATA_DIR/kernels or ~/.local/share/jupyter/kernels (the default)." },
            new Option<bool>("--sys-prefix") { Description = "The kernels folder of the Python environment of python3 on PATH (sys.prefix/share/jupyter/kernels)." },
            new Option<string?>("--prefix") { Description = "PREFIX/share/jupyter/kernels (e.g. a virtual environment or a test folder).", HelpName = "PREFIX" },
            new Option<string>("--name") { Description = "The kernelspec name notebooks refer to.", DefaultValueFactory = _ => KernelSpec.DefaultName });

        public void AddTo(Command command)
        {
            command.Options.Add(User);
            command.Options.Add(SysPrefix);
            command.Options.Add(Prefix);
            command.Options.Add(Name);
        }

        public string KernelsFolder(ParseResult parse)
        {
            var prefix = parse.GetValue(Prefix);
            var chosen = (parse.GetValue(User) ? 1 : 0) + (parse.GetValue(SysPrefix) ? 1 : 0) + (prefix is null ? 0 : 1);
            if (chosen > 1)
            {
                throw new ArgumentException("choose one of --user, --sys-prefix and --prefix.");
            }
            return prefix is not null ? KernelSpec.PrefixKernelsFolder(prefix)
                : parse.GetValue(SysPrefix) ? KernelSpec.SysPrefixKernelsFolder()
                : KernelSpec.UserKernelsFolder();
        }
    }

    private static Command Install()
    {
        var location = Location.Create();
        var command = new Command("install", $"Write the kernelspec ({KernelSpec.DefaultName}, \"{KernelSpec.DisplayName}\") that starts this weclick executable as a Jupyter kernel.");
        location.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = KernelSpec.Install(location.KernelsFolder(parse), parse.GetValue(location.Name)!, KernelSpec.CurrentLauncher());
            Console.WriteLine($"Installed kernelspec {parse.GetValue(location.Name)} in {folder}");
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var location = Location.Create();
        var command = new Command("remove", "Delete the kernelspec installed by 'weclick kernel install' (same location options).");
        location.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = KernelSpec.Remove(location.KernelsFolder(parse), parse.GetValue(location.Name)!);
            Console.WriteLine($"Removed kernelspec {parse.GetValue(location.Name)} from {folder}");
            return 0;
        });
        return command;
    }

    private static Command Start()
    {
        var connectionFile = new Option<string>("--connection-file", "-f")
        {
            Description = "The connection file Jupyter wrote (ports, ip, key); the kernel binds only to its addresses.",
            Required = true,
        };
        var command = new Command("start", "Run the kernel on a Jupyter connection file until a shutdown request (Jupyter runs this; the kernel log goes to stderr).")
        {
            connectionFile,
        };
        command.SetAction(parse =>
        {
            var connection = ConnectionFile.Load(parse.GetValue(connectionFile)!);
            using var terminate = new CancellationTokenSource();
            // SIGTERM (a client killing the kernel) ends the run the same clean way a shutdown_request does.
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                terminate.Cancel();
            });
            if (PlotlyJsWarning.Text() is { } warning)
            {
                Console.Error.WriteLine($"weclick kernel: warning: {warning}"); // Jupyter's server log, at kernel start
            }
            new KernelServer(connection, CreateExecutor()).Run(terminate.Token);
            return 0;
        });
        return command;
    }
}

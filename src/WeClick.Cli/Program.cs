using System.CommandLine;
using WeClick.Cli.Commands;

// The `weclick` command. Each subcommand lives in Commands/ and only calls the WeClick library.
var root = new RootCommand("WeClick research workbench: weakly-supervised video segmentation from clicks (Liu et al., ACM MM 2021).")
{
    EnvCommand.Create(),
    DataCommand.Create(),
    ClicksCommand.Create(),
    ModelsCommand.Create(),
    WeightsCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    InferCommand.Create(),
    ReproduceCommand.Create(),
    ExperimentsCommand.Create(),
    BenchCommand.Create(),
    ConfigCommand.Create(),
    RunsCommand.Create(),
    NotebookCommand.Create(),
    KernelCommand.Create(),
};
return CommandRunner.Invoke(root, args);

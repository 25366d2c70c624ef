using TorchSharp;
using WeClick.Engine;
using static TorchSharp.torch;

namespace WeClick.Experiments;

/// <summary>Where an experiment config runs: libtorch's threads (<c>threads</c>) and the device (<c>device</c>).</summary>
public static class ExperimentDevice
{
    /// <summary>
    /// Sets up libtorch for a run of <paramref name="config"/>: its <c>threads</c> intra-op threads, 0 = every core
    /// (<see cref="TorchEngine.Configure"/>). Training calls it at the start of each run; other commands call it first.
    /// </summary>
    /// <returns>The thread count in effect.</returns>
    public static int ConfigureEngine(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return TorchEngine.Configure(config.Threads);
    }

    /// <summary>The device named by <c>device</c> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).</summary>
    /// <exception cref="ArgumentException">Another name, or CUDA on a build without it (with what to do).</exception>
    public static Device ParseDevice(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "cpu")
        {
            return torch.CPU;
        }
        if (name == "cuda" || name.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new ArgumentException($"device '{name}': CUDA is not available in this build or machine (see environment.md, 'CUDA'); use --set device=cpu.");
            }
            var index = name == "cuda" ? 0 : int.Parse(name["cuda:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"device '{name}' is not cpu, cuda or cuda:N.");
    }
}

namespace WeClick.Notebooks.Tests.Kernel;

/// <summary>
/// Tests that run a <see cref="WeClick.Notebooks.Kernel.KernelServer"/> in process share this collection, so they do not
/// run at the same time: a running kernel replaces the process-wide <see cref="Console.In"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KernelTestCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "in-process kernel";
}

namespace WeClick.Torch.Tests;

/// <summary>
/// Tests that seed and draw from libtorch's global default generator: they run alone (not in parallel with
/// any other test class), so that another thread's <c>manual_seed</c> or draw cannot interleave with theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    /// <summary>The collection name for <c>[Collection(...)]</c>.</summary>
    public const string Name = "Global generator";
}

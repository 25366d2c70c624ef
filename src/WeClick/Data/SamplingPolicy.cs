namespace WeClick.Data;

/// <summary>
/// How the distances of a clip's neighbour frames from the target are chosen (WeClick §4.4, "sampling policy"):
/// <see cref="FixedInterval"/> or <see cref="RandomRange"/>. <see cref="NeighbourSampler.NeighbourIndices"/> applies a policy.
/// </summary>
public abstract record SamplingPolicy;

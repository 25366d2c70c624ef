// libtorch's random generator is process-wide: run one test at a time (as WeClick.Torch.Tests).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

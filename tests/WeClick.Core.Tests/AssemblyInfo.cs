// libtorch's random generator is process-wide: run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

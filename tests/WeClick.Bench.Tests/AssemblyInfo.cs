// libtorch's random generator is process-wide, and TorchSharp 0.107 frees a temporary Scalar from its finalizer even
// while a native call on another thread still reads it (no GC.KeepAlive after passing scalar.Handle): run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// libtorch's random generator and thread settings are process-wide: tests that seed and draw must
// not interleave with tests that draw, so the whole assembly runs one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WeClick.Data;

public sealed partial class ClipLoader
{
    // One epoch's background workers. Batch b goes into slot b; workers claim batches in increasing order after taking
    // a permit of the bounded queue, so the batch the consumer waits for is always claimed (no deadlock), and the
    // result depends only on b, never on which worker built it or when.
    private sealed class PrefetchRun : IDisposable
    {
        private readonly TaskCompletionSource<ClipBatch>[] slots;
        private readonly SemaphoreSlim permits;
        private readonly CancellationTokenSource stop; // workers: loader disposed, run disposed, or a batch failed
        private readonly CancellationToken disposed;   // the consumer: loader disposed only (earlier batches still come)
        private readonly Task[] workers;
        private int next = -1;
        private int taken;

        public PrefetchRun(ClipLoader loader, int epoch, int[] order, int count, CancellationToken disposed)
        {
            slots = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource<ClipBatch>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            permits = new SemaphoreSlim(loader.Options.Prefetch);
            this.disposed = disposed;
            stop = CancellationTokenSource.CreateLinkedTokenSource(disposed);
            workers = Enumerable.Range(0, loader.Options.Workers)
                .Select(_ => Task.Factory.StartNew(() => Work(loader, epoch, order), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
        }

        // Waits for batch b; rethrows a worker's exception as it was thrown.
        public ClipBatch Take(int b)
        {
            try
            {
                slots[b].Task.Wait(disposed);
            }
            catch (OperationCanceledException) when (!slots[b].Task.IsCompleted)
            {
                throw new ObjectDisposedException(nameof(ClipLoader), "The loader was disposed while an epoch was running.");
            }
            catch (AggregateException)
            {
                // fall through: GetResult rethrows the original exception with its message
            }
            taken = b + 1;
            var batch = slots[b].Task.GetAwaiter().GetResult();
            permits.Release();
            return batch;
        }

        private void Work(ClipLoader loader, int epoch, int[] order)
        {
            while (true)
            {
                try
                {
                    permits.Wait(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var b = Interlocked.Increment(ref next);
                if (b >= slots.Length)
                {
                    return;
                }
                // A claimed batch is always completed, even after a stop: the consumer may be waiting for it.
                try
                {
                    slots[b].SetResult(loader.BuildBatch(epoch, order, b));
                }
                catch (Exception e)
                {
                    slots[b].SetException(e);
                    // Later batches are not wanted: the consumer stops at this one. Batches claimed before it are still
                    // completed by their workers (BuildBatch does not observe the token), so the consumer gets them first.
                    stop.Cancel();
                    return;
                }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            Task.WaitAll(workers);
            for (var b = taken; b < slots.Length; b++)
            {
                if (slots[b].Task.IsCompletedSuccessfully)
                {
                    slots[b].Task.Result.Dispose();
                }
            }
            stop.Dispose();
            permits.Dispose();
        }
    }
}

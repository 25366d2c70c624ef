/*
 * The dispose guard of libweclick_torchsharp_guard.so: keeps TorchSharp's finalizer from freeing a Scalar or a Tensor that a native call
 * on another thread is still reading (environment.md, "TorchSharp's finalizer race").
 *
 * Why it exists. TorchSharp 0.107 passes `scalar.Handle` / `tensor.Handle` to libtorch and does not keep the managed
 * object alive for the length of the call. A temporary — the Scalar made by the implicit conversion in `x.add(1.5)`,
 * the alpha = 1 of `x.add(y)`, the tensor of `x.add(y.mul(2))` — is unreachable as soon as its handle is read. When
 * another thread starts a garbage collection during the native call, the finalizer thread frees the object while
 * libtorch still uses it: "Expected false to be true ... toDouble at c10/core/Scalar.h:140", a crash, or a wrong
 * value from reused memory. (Upstream: dotnet/TorchSharp pull requests #1434 and #1496, open.)
 *
 * What it does. TorchSharp's P/Invokes into "LibTorchSharp" are resolved through this library
 * (WeClick.Engine.TorchSharpDisposeGuard sets the DllImport resolver). It defines the two dispose entry points and
 * nothing else; every other symbol is found in libLibTorchSharp.so, its NEEDED dependency. A dispose called on the
 * .NET finalizer thread is queued and carried out once it has waited its quarantine (scalars 10 s, tensors 1 s). A
 * finalizer only frees objects nobody references, so the only call that can still be reading one is a native call
 * that was already running when the collection began; the quarantine outlasts every elementwise op here by orders
 * of magnitude. Scalars are 32 bytes, so theirs is long. Tensors hold storage, so theirs is short: a 1 s delay adds
 * little to the seconds an unreferenced tensor already waits for a collection, while a convolution on a large
 * temporary can in principle run longer. That is why the workbench's own code keeps tensors in dispose scopes, which
 * hold every temporary until the scope ends: for tensors the quarantine is the second line, for Scalars (which
 * scopes do not track) the only one. A dispose from any other thread (Dispose(), a dispose scope) is carried out at
 * once, so explicitly managed memory is freed exactly as before. The finalizer thread drains the queue itself, so
 * memory stays flat: what waits is at most one quarantine's worth of finalized objects.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXPORT __attribute__((visibility("default")))

typedef void (*dispose_fn)(void *);

/* One FIFO per kind: within a kind every entry waits the same time, so the head is always the next one due. */
typedef struct {
    void **items;
    int64_t *due_ns;
    size_t capacity, head, count;
    int64_t quarantine_ns;
    dispose_fn real;
} pending_queue;

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pending_queue scalars = {.quarantine_ns = 10LL * 1000000000LL};
static pending_queue tensors = {.quarantine_ns = 1LL * 1000000000LL};
static uint64_t deferred_total, released_total, immediate_total;

static int64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The .NET runtime names its finalizer thread ".NET Finalizer" (visible in /proc/PID/task/TID/comm). */
static __thread int thread_kind = -1; /* -1 unknown, 0 other, 1 finalizer */
static int on_finalizer_thread(void)
{
    if (thread_kind < 0) {
        char name[32] = {0};
        thread_kind = pthread_getname_np(pthread_self(), name, sizeof name) == 0 &&
                      strcmp(name, ".NET Finalizer") == 0;
    }
    return thread_kind;
}

/* Carries out every entry whose quarantine is over. Called with queue_lock held. */
static void release_due(pending_queue *q, int64_t now)
{
    while (q->count > 0 && q->due_ns[q->head] <= now) {
        q->real(q->items[q->head]);
        q->head = (q->head + 1) % q->capacity;
        q->count--;
        released_total++;
    }
}

/* Appends; returns 0 when memory for a bigger ring cannot be had (the caller then disposes at once). */
static int push(pending_queue *q, void *item, int64_t due)
{
    if (q->count == q->capacity) {
        size_t capacity = q->capacity ? q->capacity * 2 : 4096;
        void **items = malloc(capacity * sizeof *items);
        int64_t *dues = malloc(capacity * sizeof *dues);
        if (!items || !dues) {
            free(items);
            free(dues);
            return 0;
        }
        for (size_t i = 0; i < q->count; i++) {
            items[i] = q->items[(q->head + i) % q->capacity];
            dues[i] = q->due_ns[(q->head + i) % q->capacity];
        }
        free(q->items);
        free(q->due_ns);
        q->items = items;
        q->due_ns = dues;
        q->capacity = capacity;
        q->head = 0;
    }
    size_t tail = (q->head + q->count) % q->capacity;
    q->items[tail] = item;
    q->due_ns[tail] = due;
    q->count++;
    return 1;
}

static void dispose(pending_queue *q, void *item)
{
    if (!item)
        return;
    if (!on_finalizer_thread()) {
        __atomic_add_fetch(&immediate_total, 1, __ATOMIC_RELAXED);
        q->real(item);
        return;
    }
    int64_t now = now_ns();
    pthread_mutex_lock(&queue_lock);
    release_due(&scalars, now);
    release_due(&tensors, now);
    int queued = push(q, item, now + q->quarantine_ns);
    if (queued)
        deferred_total++;
    pthread_mutex_unlock(&queue_lock);
    if (!queued)
        q->real(item);
}

/* Called once, before any TorchSharp P/Invoke is bound to this library, with libLibTorchSharp's own functions. */
EXPORT int weclick_dispose_guard_install(dispose_fn real_scalar_dispose, dispose_fn real_tensor_dispose)
{
    if (!real_scalar_dispose || !real_tensor_dispose)
        return 0;
    pthread_mutex_lock(&queue_lock);
    scalars.real = real_scalar_dispose;
    tensors.real = real_tensor_dispose;
    pthread_mutex_unlock(&queue_lock);
    return 1;
}

/* Counters for `weclick env` and the tests: disposals queued, queued ones carried out, those done at once,
   and how many wait now. */
EXPORT void weclick_dispose_guard_counters(uint64_t *deferred, uint64_t *released, uint64_t *immediate,
                                           uint64_t *pending)
{
    pthread_mutex_lock(&queue_lock);
    *deferred = deferred_total;
    *released = released_total;
    *immediate = __atomic_load_n(&immediate_total, __ATOMIC_RELAXED);
    *pending = scalars.count + tensors.count;
    pthread_mutex_unlock(&queue_lock);
}

/* The two entry points TorchSharp's finalizers call (Scalar.Dispose(false), Tensor.Dispose(false)). */
EXPORT void THSTorch_dispose_scalar(void *scalar) { dispose(&scalars, scalar); }
EXPORT void THSTensor_dispose(void *tensor) { dispose(&tensors, tensor); }

// The error channel, shim-allocated memory and the malloc policy (include/weclick/core.h).
#include "common.h"

#include <malloc.h>

namespace
{
thread_local std::string t_last_error;
}

namespace wc
{
void set_error(const char* message)
{
    try
    {
        t_last_error = message != nullptr ? message : "(no message)";
    }
    catch (...)
    {
        // Out of memory while storing the message: leave the previous text, the status still says "failed".
    }
}

void clear_error()
{
    t_last_error.clear();
}
} // namespace wc

extern "C" {

const char* WcError_last_message(void)
{
    return t_last_error.c_str();
}

void WcError_clear(void)
{
    wc::clear_error();
}

void WcMemory_free(void* pointer)
{
    std::free(pointer);
}

int32_t WcMemory_set_malloc_thresholds(int64_t mmap_threshold, int64_t trim_threshold)
{
    WC_TRY(
        if (mmap_threshold <= 0 || trim_threshold <= 0 || mmap_threshold > INT32_MAX || trim_threshold > INT32_MAX)
        {
            throw std::invalid_argument("malloc thresholds must be in (0, 2^31)");
        }
        if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold)) != 1 || mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold)) != 1)
        {
            throw std::runtime_error("mallopt refused the thresholds");
        })
}

} // extern "C"

// The error channel and shim-allocated memory (weclick_native.h, "Conventions").
#include "common.h"

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

} // extern "C"

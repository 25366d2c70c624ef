// Shared helpers of the shim: the error channel (WC_TRY), cv::Mat views of WcImage buffers, and
// memory handed to the caller. Included first by every .cpp.
#pragma once

#include <opencv2/core.hpp>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>

#include "weclick_native.h"

namespace wc
{
// Stores the message of the failing call on this thread (see WcError_last_message).
void set_error(const char* message);
void clear_error();

inline std::string quoted(const char* path) { return std::string("'") + (path != nullptr ? path : "(null)") + "'"; }

// Throws unless path names an existing regular file (the message names it).
void require_readable_file(const char* path);

// A cv::Mat header over a caller's WcImage (no copy); what names the argument in messages.
cv::Mat as_mat(const WcImage* image, const char* what);

// The same, for an output the caller allocated: it must have exactly this shape and depth.
cv::Mat as_output(const WcImage* out, int64_t height, int64_t width, int64_t channels, int32_t depth, const char* what);

// malloc'd memory owned here until release(): freed if the call fails before handing it over.
struct Buffer
{
    std::unique_ptr<void, decltype(&std::free)> memory{nullptr, &std::free};

    explicit Buffer(size_t bytes);
    void* get() const { return memory.get(); }
    void* release() { return memory.release(); }
};

// A malloc'd image of the given shape and a Mat header over it; hand it over with give(out).
struct OwnedImage
{
    Buffer buffer;
    WcImage image{};
    cv::Mat mat;

    OwnedImage(int64_t height, int64_t width, int64_t channels, int32_t depth);
    void give(WcImage* out);
};

// Copies any Mat (continuous or not) into a new malloc'd image for the caller.
void give_copy(const cv::Mat& mat, WcImage* out);

// malloc'd copy of text for the caller to release with WcMemory_free.
char* copy_string(const std::string& text);
} // namespace wc

// Wraps a function body (variadic, so braced initialisers' commas need no parentheses): any exception becomes WC_ERROR plus a thread-local message.
// cv::Exception derives from std::exception; its what() carries OpenCV's function, file and reason.
#define WC_TRY(...)                                        \
    try                                                    \
    {                                                      \
        __VA_ARGS__;                                       \
        return WC_OK;                                      \
    }                                                      \
    catch (const std::exception& e)                        \
    {                                                      \
        wc::set_error(e.what());                           \
        return WC_ERROR;                                   \
    }                                                      \
    catch (...)                                            \
    {                                                      \
        wc::set_error("unknown native exception");         \
        return WC_ERROR;                                   \
    }

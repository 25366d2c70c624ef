// core: the error channel, buffers handed to the caller, and the WcImage ↔ cv::Mat views (include/weclick/core.h).
#include "common.h"

#include <opencv2/core/utility.hpp>

#include <sys/stat.h>

namespace
{
thread_local std::string t_last_error;

const char* depth_name(int32_t depth)
{
    switch (depth)
    {
    case WC_DEPTH_U8: return "uint8";
    case WC_DEPTH_I32: return "int32";
    case WC_DEPTH_F32: return "float32";
    case WC_DEPTH_F64: return "float64";
    default: return "an unknown type";
    }
}

size_t element_size(int32_t depth)
{
    switch (depth)
    {
    case WC_DEPTH_U8: return 1;
    case WC_DEPTH_I32: return 4;
    case WC_DEPTH_F32: return 4;
    case WC_DEPTH_F64: return 8;
    default: throw std::invalid_argument("unknown image depth code " + std::to_string(depth));
    }
}

void check_dims(int64_t height, int64_t width, int64_t channels, int32_t depth, const char* what)
{
    if (height < 0 || width < 0 || height > INT32_MAX || width > INT32_MAX)
    {
        throw std::invalid_argument(std::string(what) + ": bad image size " + std::to_string(height) + " x " + std::to_string(width));
    }
    if (channels < 1 || channels > 4)
    {
        throw std::invalid_argument(std::string(what) + ": images must have 1 to 4 channels, got " + std::to_string(channels));
    }
    element_size(depth);
}
size_t image_bytes(int64_t height, int64_t width, int64_t channels, int32_t depth)
{
    check_dims(height, width, channels, depth, "output");
    return static_cast<size_t>(height * width * channels) * element_size(depth);
}
} // namespace

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

void clear_error() { t_last_error.clear(); }

void require_readable_file(const char* path)
{
    struct stat info;
    if (path == nullptr || stat(path, &info) != 0)
    {
        throw std::runtime_error("file not found: " + quoted(path));
    }
    if (S_ISDIR(info.st_mode))
    {
        throw std::runtime_error(quoted(path) + " is a folder, not a file");
    }
}

cv::Mat as_mat(const WcImage* image, const char* what)
{
    if (image == nullptr)
    {
        throw std::invalid_argument(std::string(what) + ": the image is null");
    }
    check_dims(image->height, image->width, image->channels, image->depth, what);
    if (image->data == nullptr && image->height * image->width > 0)
    {
        throw std::invalid_argument(std::string(what) + ": the image has no data");
    }
    return cv::Mat(static_cast<int>(image->height), static_cast<int>(image->width),
                   CV_MAKETYPE(image->depth, static_cast<int>(image->channels)), image->data);
}

cv::Mat as_output(const WcImage* out, int64_t height, int64_t width, int64_t channels, int32_t depth, const char* what)
{
    cv::Mat mat = as_mat(out, what);
    if (out->height != height || out->width != width || out->channels != channels || out->depth != depth)
    {
        throw std::invalid_argument(std::string(what) + ": the output buffer must be " + depth_name(depth) + " [" + std::to_string(height) + ", " +
                                    std::to_string(width) + ", " + std::to_string(channels) + "]");
    }
    return mat;
}

Buffer::Buffer(size_t bytes)
{
    memory.reset(std::malloc(bytes == 0 ? 1 : bytes));
    if (memory == nullptr)
    {
        throw std::bad_alloc();
    }
}

OwnedImage::OwnedImage(int64_t height, int64_t width, int64_t channels, int32_t depth)
    : buffer(image_bytes(height, width, channels, depth))
{
    image = WcImage{buffer.get(), height, width, channels, depth, 0};
    mat = cv::Mat(static_cast<int>(height), static_cast<int>(width), CV_MAKETYPE(depth, static_cast<int>(channels)), buffer.get());
}

void OwnedImage::give(WcImage* out)
{
    if (out == nullptr)
    {
        throw std::invalid_argument("the output argument is null");
    }
    *out = image;
    buffer.release();
}

void give_copy(const cv::Mat& mat, WcImage* out)
{
    if (mat.dims != 2)
    {
        throw std::invalid_argument("expected a 2-D OpenCV result");
    }
    OwnedImage result(mat.rows, mat.cols, mat.channels(), mat.depth());
    mat.copyTo(result.mat);
    result.give(out);
}

char* copy_string(const std::string& text)
{
    Buffer buffer(text.size() + 1);
    std::memcpy(buffer.get(), text.c_str(), text.size() + 1);
    return static_cast<char*>(buffer.release());
}
} // namespace wc

extern "C" {

const char* WcError_last_message(void) { return t_last_error.c_str(); }

void WcError_clear(void) { wc::clear_error(); }

void WcMemory_free(void* pointer) { std::free(pointer); }

int32_t WcOpenCv_version(char** out)
{
    WC_TRY(*out = wc::copy_string(cv::getVersionString()))
}

} // extern "C"

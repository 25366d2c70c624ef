// Shared helpers of the shim: the error channel (WC_TRY), handle conversion and argument views.
// Included first by every .cpp (and precompiled, see CMakeLists.txt).
#pragma once

#include <ATen/ATen.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/generated/variable_factories.h>
#include <c10/util/Exception.h>

#include <cstring>
#include <exception>
#include <string>

#include "weclick_native.h"

namespace wc
{
// Stores the message of the failing call on this thread (see WcError_last_message).
void set_error(const char* message);
void clear_error();

inline at::Tensor& T(WcTensor handle)
{
    if (handle == nullptr)
    {
        throw std::invalid_argument("a tensor argument is null (was it disposed?)");
    }
    return *reinterpret_cast<at::Tensor*>(handle);
}

// Optional tensor argument: NULL means "none".
inline c10::optional<at::Tensor> opt(WcTensor handle)
{
    if (handle == nullptr)
    {
        return c10::nullopt;
    }
    return *reinterpret_cast<at::Tensor*>(handle);
}

// A tensor that may be undefined (e.g. a missing bias) as libtorch's "undefined" convention expects.
inline at::Tensor or_undefined(WcTensor handle)
{
    return handle == nullptr ? at::Tensor() : *reinterpret_cast<at::Tensor*>(handle);
}

// Hands a new tensor to the caller. Undefined tensors become NULL.
inline WcTensor wrap(at::Tensor tensor)
{
    if (!tensor.defined())
    {
        return nullptr;
    }
    return reinterpret_cast<WcTensor>(new at::Tensor(std::move(tensor)));
}

inline at::IntArrayRef ints(const int64_t* data, int64_t length)
{
    return at::IntArrayRef(data, static_cast<size_t>(length));
}

inline at::Scalar scalar(const WcScalar& s)
{
    switch (s.kind)
    {
    case 0: return at::Scalar(s.f);
    case 1: return at::Scalar(s.i);
    case 2: return at::Scalar(s.i != 0);
    default: throw std::invalid_argument("unknown scalar kind " + std::to_string(s.kind));
    }
}

inline c10::optional<at::Scalar> opt_scalar(const WcScalar* s)
{
    if (s == nullptr)
    {
        return c10::nullopt;
    }
    return scalar(*s);
}

inline at::ScalarType dtype(int32_t code)
{
    if (code < 0 || code >= static_cast<int32_t>(at::ScalarType::NumOptions))
    {
        throw std::invalid_argument("unknown dtype code " + std::to_string(code));
    }
    return static_cast<at::ScalarType>(code);
}

inline c10::optional<at::ScalarType> opt_dtype(int32_t code)
{
    if (code < 0)
    {
        return c10::nullopt;
    }
    return dtype(code);
}

inline at::Device device(int32_t type, int32_t index)
{
    return at::Device(static_cast<at::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int32_t dtype_code, int32_t device_type, int32_t device_index, int32_t requires_grad)
{
    return at::TensorOptions().dtype(dtype(dtype_code)).device(device(device_type, device_index)).requires_grad(requires_grad != 0);
}

// malloc'd copy for the caller to release with WcMemory_free.
inline char* copy_string(const std::string& text)
{
    char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
    if (buffer == nullptr)
    {
        throw std::bad_alloc();
    }
    std::memcpy(buffer, text.c_str(), text.size() + 1);
    return buffer;
}

// Returns a malloc'd array of handles for the caller (released with WcMemory_free after each
// handle has been taken over).
inline WcTensor* wrap_list(const std::vector<at::Tensor>& tensors)
{
    auto* array = static_cast<WcTensor*>(std::malloc(sizeof(WcTensor) * (tensors.size() + 1)));
    if (array == nullptr)
    {
        throw std::bad_alloc();
    }
    for (size_t i = 0; i < tensors.size(); ++i)
    {
        array[i] = wrap(tensors[i]);
    }
    return array;
}

inline std::vector<at::Tensor> tensor_list(const WcTensor* handles, int64_t count)
{
    std::vector<at::Tensor> list;
    list.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i)
    {
        list.push_back(T(handles[i]));
    }
    return list;
}
} // namespace wc

// Wraps a function body: any exception becomes WC_ERROR plus a thread-local message.
// c10::Error is caught first so that libtorch's message comes without its C++ backtrace.
#define WC_TRY(body)                                       \
    try                                                    \
    {                                                      \
        body;                                              \
        return WC_OK;                                      \
    }                                                      \
    catch (const c10::Error& e)                            \
    {                                                      \
        wc::set_error(e.what_without_backtrace());         \
        return WC_ERROR;                                   \
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

// The common shape of an op that returns one new tensor.
#define WC_RETURN_TENSOR(out, expression) WC_TRY(*(out) = wc::wrap(expression))

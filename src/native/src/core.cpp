// Core: runtime information, global state, tensor lifetime, metadata, data and conversion.
#include "common.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <opencv2/core/utility.hpp>

#include <regex>

namespace
{
// Reads "KEY=value" or "Key: value" from torch's build configuration text.
std::string config_value(const std::string& config, const std::string& pattern)
{
    std::smatch match;
    if (std::regex_search(config, match, std::regex(pattern)))
    {
        return match[1].str();
    }
    return "unknown";
}
} // namespace

extern "C" {

int32_t WcTorch_version(char** out)
{
    WC_TRY(*out = wc::copy_string(config_value(at::show_config(), "TORCH_VERSION=([0-9.]+)")))
}

int32_t WcTorch_config(char** out)
{
    WC_TRY(*out = wc::copy_string(at::show_config()))
}

int32_t WcTorch_parallel_info(char** out)
{
    WC_TRY(*out = wc::copy_string(at::get_parallel_info()))
}

int32_t WcTorch_cpu_capability(char** out)
{
    // at::native::get_cpu_capability is not exported by libtorch 1.13; show_config reports the same value.
    WC_TRY(*out = wc::copy_string(config_value(at::show_config(), "CPU capability usage: ([A-Za-z0-9_]+)")))
}

int32_t WcOpenCv_version(char** out)
{
    WC_TRY(*out = wc::copy_string(cv::getVersionString()))
}

int32_t WcTorch_get_num_threads(int32_t* out)
{
    WC_TRY(*out = at::get_num_threads())
}

int32_t WcTorch_set_num_threads(int32_t threads)
{
    WC_TRY(
        if (threads < 1) { throw std::invalid_argument("set_num_threads: threads must be >= 1, got " + std::to_string(threads)); }
        at::set_num_threads(threads))
}

int32_t WcTorch_manual_seed(uint64_t seed)
{
    WC_TRY(
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_current_seed(seed))
}

int32_t WcTorch_initial_seed(uint64_t* out)
{
    WC_TRY(*out = at::detail::getDefaultCPUGenerator().current_seed())
}

int32_t WcTorch_get_rng_state(WcTensor* out)
{
    WC_TRY(
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        *out = wc::wrap(generator.get_state()))
}

int32_t WcTorch_set_rng_state(WcTensor state)
{
    WC_TRY(
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(wc::T(state)))
}

int32_t WcCuda_is_available(int32_t* out)
{
    WC_TRY(*out = at::hasCUDA() && at::detail::getCUDAHooks().getNumGPUs() > 0 ? 1 : 0)
}

int32_t WcCuda_device_count(int32_t* out)
{
    WC_TRY(*out = at::hasCUDA() ? static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs()) : 0)
}

int32_t WcCuda_manual_seed_all(uint64_t seed)
{
    WC_TRY(
        if (at::hasCUDA()) {
            int count = at::detail::getCUDAHooks().getNumGPUs();
            for (int i = 0; i < count; ++i)
            {
                auto generator = at::detail::getCUDAHooks().getDefaultCUDAGenerator(static_cast<c10::DeviceIndex>(i));
                std::lock_guard<std::mutex> lock(generator.mutex());
                generator.set_current_seed(seed);
            }
        })
}

int32_t WcCuda_synchronize(int32_t device)
{
    WC_TRY(
        if (!at::hasCUDA()) { throw std::runtime_error("cuda.synchronize: this libtorch has no CUDA support"); }
        at::detail::getCUDAHooks().deviceSynchronize(static_cast<int64_t>(device)))
}

int32_t WcTorch_grad_enabled(int32_t* out)
{
    WC_TRY(*out = at::GradMode::is_enabled() ? 1 : 0)
}

int32_t WcTorch_set_grad_enabled(int32_t enabled)
{
    WC_TRY(at::GradMode::set_enabled(enabled != 0))
}

void WcTensor_dispose(WcTensor tensor)
{
    delete reinterpret_cast<at::Tensor*>(tensor);
}

int32_t WcTensor_alias(WcTensor tensor, WcTensor* out)
{
    WC_RETURN_TENSOR(out, wc::T(tensor))
}

int32_t WcTensor_dim(WcTensor tensor, int64_t* out)
{
    WC_TRY(*out = wc::T(tensor).dim())
}

int32_t WcTensor_sizes(WcTensor tensor, int64_t* out, int64_t capacity)
{
    WC_TRY(
        auto sizes = wc::T(tensor).sizes();
        if (static_cast<int64_t>(sizes.size()) > capacity) { throw std::invalid_argument("sizes: buffer too small"); }
        std::copy(sizes.begin(), sizes.end(), out))
}

int32_t WcTensor_strides(WcTensor tensor, int64_t* out, int64_t capacity)
{
    WC_TRY(
        auto strides = wc::T(tensor).strides();
        if (static_cast<int64_t>(strides.size()) > capacity) { throw std::invalid_argument("strides: buffer too small"); }
        std::copy(strides.begin(), strides.end(), out))
}

int32_t WcTensor_numel(WcTensor tensor, int64_t* out)
{
    WC_TRY(*out = wc::T(tensor).numel())
}

int32_t WcTensor_dtype(WcTensor tensor, int32_t* out)
{
    WC_TRY(*out = static_cast<int32_t>(wc::T(tensor).scalar_type()))
}

int32_t WcTensor_device(WcTensor tensor, int32_t* type, int32_t* index)
{
    WC_TRY(
        auto device = wc::T(tensor).device();
        *type = static_cast<int32_t>(device.type());
        *index = device.has_index() ? device.index() : -1)
}

int32_t WcTensor_is_contiguous(WcTensor tensor, int32_t* out)
{
    WC_TRY(*out = wc::T(tensor).is_contiguous() ? 1 : 0)
}

int32_t WcTensor_element_size(WcTensor tensor, int64_t* out)
{
    WC_TRY(*out = static_cast<int64_t>(wc::T(tensor).element_size()))
}

int32_t WcTensor_from_blob(void* data, const int64_t* sizes, int64_t ndim, int32_t dtype,
                           WcDeleter deleter, void* context, WcTensor* out)
{
    WC_TRY(
        auto options = at::TensorOptions().dtype(wc::dtype(dtype));
        *out = wc::wrap(at::from_blob(
            data, wc::ints(sizes, ndim),
            [deleter, context](void*) { if (deleter != nullptr) { deleter(context); } },
            options)))
}

int32_t WcTensor_data_ptr(WcTensor tensor, void** out)
{
    WC_TRY(
        auto& t = wc::T(tensor);
        if (!t.device().is_cpu()) { throw std::invalid_argument("data_ptr: the tensor is on " + t.device().str() + "; move it to the CPU first"); }
        *out = t.data_ptr())
}

int32_t WcTensor_item_double(WcTensor tensor, double* out)
{
    WC_TRY(*out = wc::T(tensor).item<double>())
}

int32_t WcTensor_item_int64(WcTensor tensor, int64_t* out)
{
    WC_TRY(*out = wc::T(tensor).item<int64_t>())
}

int32_t WcTensor_to(WcTensor tensor, int32_t device_type, int32_t device_index, int32_t dtype,
                    int32_t non_blocking, int32_t copy, WcTensor* out)
{
    WC_TRY(
        auto& t = wc::T(tensor);
        auto target_dtype = dtype < 0 ? t.scalar_type() : wc::dtype(dtype);
        *out = wc::wrap(t.to(wc::device(device_type, device_index), target_dtype, non_blocking != 0, copy != 0)))
}

int32_t WcTensor_clone(WcTensor tensor, WcTensor* out)
{
    WC_RETURN_TENSOR(out, wc::T(tensor).clone())
}

int32_t WcTensor_contiguous(WcTensor tensor, WcTensor* out)
{
    WC_RETURN_TENSOR(out, wc::T(tensor).contiguous())
}

int32_t WcTensor_copy_(WcTensor self, WcTensor source, int32_t non_blocking)
{
    WC_TRY(wc::T(self).copy_(wc::T(source), non_blocking != 0))
}

} // extern "C"

// Creation: new tensors from shapes and values (include/weclick/creation.h).
#include "common.h"

namespace
{
// Options for a *_like factory: a negative dtype or device type keeps the input's.
at::TensorOptions like_options(int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad)
{
    auto options = at::TensorOptions().dtype(wc::opt_dtype(dtype)).requires_grad(requires_grad != 0);
    if (device_type >= 0)
    {
        options = options.device(wc::device(device_type, device_index));
    }
    return options;
}

// Options whose dtype may be absent (-1), so that libtorch infers it (arange).
at::TensorOptions maybe_typed_options(int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad)
{
    return at::TensorOptions().dtype(wc::opt_dtype(dtype)).device(wc::device(device_type, device_index)).requires_grad(requires_grad != 0);
}
} // namespace

extern "C" {

int32_t WcTensor_empty(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::empty(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_zeros(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::zeros(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_ones(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::ones(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_full(const int64_t* sizes, int64_t ndim, WcScalar value, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::full(wc::ints(sizes, ndim), wc::scalar(value), wc::options(dtype, device_type, device_index, requires_grad)))
}

// torch:: factories (not at::) so that requires_grad in the options is honoured (at:: ignores it).
int32_t WcTensor_arange(WcScalar start, WcScalar end, WcScalar step, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::arange(wc::scalar(start), wc::scalar(end), wc::scalar(step), maybe_typed_options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_linspace(WcScalar start, WcScalar end, int64_t steps, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::linspace(wc::scalar(start), wc::scalar(end), steps, wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_eye(int64_t n, int64_t m, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::eye(n, m, wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_rand(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::rand(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_randn(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::randn(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_randint(int64_t low, int64_t high, const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::randint(low, high, wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_randperm(int64_t n, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::randperm(n, wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_empty_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::empty_like(wc::T(t), like_options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_zeros_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::zeros_like(wc::T(t), like_options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_ones_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::ones_like(wc::T(t), like_options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_full_like(WcTensor t, WcScalar value, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::full_like(wc::T(t), wc::scalar(value), like_options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_rand_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::rand_like(wc::T(t), like_options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_randn_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, torch::randn_like(wc::T(t), like_options(dtype, device_type, device_index, requires_grad)))
}

} // extern "C"

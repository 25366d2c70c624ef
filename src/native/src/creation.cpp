// Creation: new tensors from shapes and values (include/weclick/creation.h).
#include "common.h"

extern "C" {

int32_t WcTensor_empty(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::empty(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_zeros(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::zeros(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_ones(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::ones(wc::ints(sizes, ndim), wc::options(dtype, device_type, device_index, requires_grad)))
}

int32_t WcTensor_full(const int64_t* sizes, int64_t ndim, WcScalar value, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::full(wc::ints(sizes, ndim), wc::scalar(value), wc::options(dtype, device_type, device_index, requires_grad)))
}

} // extern "C"

/* creation: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_CREATION_H
#define WECLICK_CREATION_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* Shapes are (sizes, ndim); dtype is a c10::ScalarType code; device is (type, index). */
WC_API int32_t WcTensor_empty(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_zeros(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_ones(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_full(const int64_t* sizes, int64_t ndim, WcScalar value, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);

/* Ranges. dtype -1 infers as PyTorch does (int64 when start, end and step are all integers, else float32). */
WC_API int32_t WcTensor_arange(WcScalar start, WcScalar end, WcScalar step, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_linspace(WcScalar start, WcScalar end, int64_t steps, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_eye(int64_t n, int64_t m, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
/* Random tensors drawn from the default generator (as torch.rand etc., so torch.manual_seed reproduces Python's draws). */
WC_API int32_t WcTensor_rand(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_randn(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_randint(int64_t low, int64_t high, const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_randperm(int64_t n, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
/* *_like: dtype -1 and device_type -1 keep the input's. */
WC_API int32_t WcTensor_empty_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_zeros_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_ones_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_full_like(WcTensor t, WcScalar value, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_rand_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);
WC_API int32_t WcTensor_randn_like(WcTensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, WcTensor* out);

#ifdef __cplusplus
}
#endif
#endif

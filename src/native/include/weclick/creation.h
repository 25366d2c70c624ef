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

#ifdef __cplusplus
}
#endif
#endif

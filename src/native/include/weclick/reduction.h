/* reduction: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_REDUCTION_H
#define WECLICK_REDUCTION_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

WC_API int32_t WcTensor_sum(WcTensor t, int32_t dtype, WcTensor* out);   /* over all elements; dtype -1 = default */

/* dims is (dims, ndims); dtype -1 = default; keepdim 0/1. An optional dim is a pointer (NULL = over all elements). */
WC_API int32_t WcTensor_sum_dims(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, int32_t dtype, WcTensor* out);
WC_API int32_t WcTensor_mean(WcTensor t, int32_t dtype, WcTensor* out);
WC_API int32_t WcTensor_mean_dims(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, int32_t dtype, WcTensor* out);
WC_API int32_t WcTensor_prod(WcTensor t, int32_t dtype, WcTensor* out);
WC_API int32_t WcTensor_prod_dim(WcTensor t, int64_t dim, int32_t keepdim, int32_t dtype, WcTensor* out);
WC_API int32_t WcTensor_max(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_min(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_max_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* values, WcTensor* indices);
WC_API int32_t WcTensor_min_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* values, WcTensor* indices);
WC_API int32_t WcTensor_amax(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_amin(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_argmax(WcTensor t, const int64_t* dim, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_argmin(WcTensor t, const int64_t* dim, int32_t keepdim, WcTensor* out);
/* std/var: dims NULL = over all elements. */
WC_API int32_t WcTensor_std(WcTensor t, const int64_t* dims, int64_t ndims, int32_t unbiased, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_var(WcTensor t, const int64_t* dims, int64_t ndims, int32_t unbiased, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_all(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_all_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_any(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_any_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* out);
/* p-norm; dims NULL = over all elements (flattened). */
WC_API int32_t WcTensor_norm(WcTensor t, WcScalar p, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_logsumexp(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out);
WC_API int32_t WcTensor_cumsum(WcTensor t, int64_t dim, int32_t dtype, WcTensor* out);
WC_API int32_t WcTensor_cumprod(WcTensor t, int64_t dim, int32_t dtype, WcTensor* out);

#ifdef __cplusplus
}
#endif
#endif

/* shape: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_SHAPE_H
#define WECLICK_SHAPE_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

WC_API int32_t WcTensor_reshape(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_view(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_narrow(WcTensor t, int64_t dim, int64_t start, int64_t length, WcTensor* out);
WC_API int32_t WcTensor_permute(WcTensor t, const int64_t* dims, int64_t ndims, WcTensor* out);
WC_API int32_t WcTensor_transpose(WcTensor t, int64_t dim0, int64_t dim1, WcTensor* out);
WC_API int32_t WcTensor_t(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_squeeze(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_squeeze_dim(WcTensor t, int64_t dim, WcTensor* out);
WC_API int32_t WcTensor_unsqueeze(WcTensor t, int64_t dim, WcTensor* out);
WC_API int32_t WcTensor_expand(WcTensor t, const int64_t* sizes, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_expand_as(WcTensor t, WcTensor other, WcTensor* out);
WC_API int32_t WcTensor_flatten(WcTensor t, int64_t start_dim, int64_t end_dim, WcTensor* out);
WC_API int32_t WcTensor_unflatten(WcTensor t, int64_t dim, const int64_t* sizes, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_repeat(WcTensor t, const int64_t* repeats, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_flip(WcTensor t, const int64_t* dims, int64_t ndims, WcTensor* out);
WC_API int32_t WcTensor_roll(WcTensor t, const int64_t* shifts, int64_t nshifts, const int64_t* dims, int64_t ndims, WcTensor* out);
WC_API int32_t WcTensor_tril(WcTensor t, int64_t diagonal, WcTensor* out);
WC_API int32_t WcTensor_triu(WcTensor t, int64_t diagonal, WcTensor* out);

/* Joins and splits. Lists come back as a malloc'd handle array (*out, *count): the caller owns each
   handle and releases the array itself with WcMemory_free. */
WC_API int32_t WcTensor_cat(const WcTensor* tensors, int64_t count, int64_t dim, WcTensor* out);
WC_API int32_t WcTensor_stack(const WcTensor* tensors, int64_t count, int64_t dim, WcTensor* out);
WC_API int32_t WcTensor_split(WcTensor t, int64_t split_size, int64_t dim, WcTensor** out, int64_t* count);
WC_API int32_t WcTensor_split_with_sizes(WcTensor t, const int64_t* sizes, int64_t nsizes, int64_t dim, WcTensor** out, int64_t* count);
WC_API int32_t WcTensor_chunk(WcTensor t, int64_t chunks, int64_t dim, WcTensor** out, int64_t* count);
WC_API int32_t WcTensor_unbind(WcTensor t, int64_t dim, WcTensor** out, int64_t* count);

/* Indexing. slice: start/end NULL = from the beginning / to the end (Python's x[start:end:step]). */
WC_API int32_t WcTensor_slice(WcTensor t, int64_t dim, const int64_t* start, const int64_t* end, int64_t step, WcTensor* out);
WC_API int32_t WcTensor_select(WcTensor t, int64_t dim, int64_t index, WcTensor* out);
WC_API int32_t WcTensor_index_select(WcTensor t, int64_t dim, WcTensor index, WcTensor* out);
WC_API int32_t WcTensor_gather(WcTensor t, int64_t dim, WcTensor index, WcTensor* out);
WC_API int32_t WcTensor_scatter(WcTensor t, int64_t dim, WcTensor index, WcTensor src, WcTensor* out);
WC_API int32_t WcTensor_scatter_value(WcTensor t, int64_t dim, WcTensor index, WcScalar value, WcTensor* out);
WC_API int32_t WcTensor_scatter_(WcTensor t, int64_t dim, WcTensor index, WcTensor src);
WC_API int32_t WcTensor_scatter_value_(WcTensor t, int64_t dim, WcTensor index, WcScalar value);
WC_API int32_t WcTensor_scatter_add(WcTensor t, int64_t dim, WcTensor index, WcTensor src, WcTensor* out);
WC_API int32_t WcTensor_scatter_add_(WcTensor t, int64_t dim, WcTensor index, WcTensor src);
WC_API int32_t WcTensor_masked_fill(WcTensor t, WcTensor mask, WcScalar value, WcTensor* out);
WC_API int32_t WcTensor_masked_fill_(WcTensor t, WcTensor mask, WcScalar value);
WC_API int32_t WcTensor_masked_select(WcTensor t, WcTensor mask, WcTensor* out);
WC_API int32_t WcTensor_nonzero(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_one_hot(WcTensor t, int64_t num_classes, WcTensor* out);   /* int64 result; -1 = max + 1 */

#ifdef __cplusplus
}
#endif
#endif

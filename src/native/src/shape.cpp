// Shape and indexing: views, joins, splits and selections (include/weclick/shape.h).
#include "common.h"

using wc::T;

extern "C" {

int32_t WcTensor_reshape(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).reshape(wc::ints(shape, ndim))) }
int32_t WcTensor_view(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).view(wc::ints(shape, ndim))) }
int32_t WcTensor_narrow(WcTensor t, int64_t dim, int64_t start, int64_t length, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).narrow(dim, start, length)) }

} // extern "C"

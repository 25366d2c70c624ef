// Reductions: sums, means, extrema and arg-extrema over all elements or dimensions (include/weclick/reduction.h).
#include "common.h"

using wc::T;

extern "C" {

int32_t WcTensor_sum(WcTensor t, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::sum(T(t), wc::opt_dtype(dtype))) }

} // extern "C"

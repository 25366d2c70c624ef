// Linear algebra: matrix products (include/weclick/linalg.h).
#include "common.h"

using wc::T;

extern "C" {

int32_t WcTensor_matmul(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::matmul(T(a), T(b))) }
int32_t WcTensor_mm(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::mm(T(a), T(b))) }
int32_t WcTensor_bmm(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::bmm(T(a), T(b))) }
int32_t WcTensor_dot(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::dot(T(a), T(b))) }
int32_t WcTensor_outer(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::outer(T(a), T(b))) }

} // extern "C"

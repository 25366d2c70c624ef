// Pointwise: arithmetic, math functions and comparisons with broadcasting (include/weclick/pointwise.h).
#include "common.h"

using wc::T;

extern "C" {

int32_t WcTensor_add(WcTensor a, WcTensor b, WcScalar alpha, WcTensor* out) { WC_RETURN_TENSOR(out, at::add(T(a), T(b), wc::scalar(alpha))) }
int32_t WcTensor_add_scalar(WcTensor a, WcScalar b, WcScalar alpha, WcTensor* out) { WC_RETURN_TENSOR(out, at::add(T(a), wc::scalar(b), wc::scalar(alpha))) }
int32_t WcTensor_add_(WcTensor a, WcTensor b, WcScalar alpha) { WC_TRY(T(a).add_(T(b), wc::scalar(alpha))) }
int32_t WcTensor_add_scalar_(WcTensor a, WcScalar b, WcScalar alpha) { WC_TRY(T(a).add_(wc::scalar(b), wc::scalar(alpha))) }
int32_t WcTensor_sub(WcTensor a, WcTensor b, WcScalar alpha, WcTensor* out) { WC_RETURN_TENSOR(out, at::sub(T(a), T(b), wc::scalar(alpha))) }
int32_t WcTensor_sub_scalar(WcTensor a, WcScalar b, WcScalar alpha, WcTensor* out) { WC_RETURN_TENSOR(out, at::sub(T(a), wc::scalar(b), wc::scalar(alpha))) }
int32_t WcTensor_rsub_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::rsub(T(a), wc::scalar(b))) }
int32_t WcTensor_sub_(WcTensor a, WcTensor b, WcScalar alpha) { WC_TRY(T(a).sub_(T(b), wc::scalar(alpha))) }
int32_t WcTensor_sub_scalar_(WcTensor a, WcScalar b, WcScalar alpha) { WC_TRY(T(a).sub_(wc::scalar(b), wc::scalar(alpha))) }
int32_t WcTensor_mul(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::mul(T(a), T(b))) }
int32_t WcTensor_mul_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::mul(T(a), wc::scalar(b))) }
int32_t WcTensor_mul_(WcTensor a, WcTensor b) { WC_TRY(T(a).mul_(T(b))) }
int32_t WcTensor_mul_scalar_(WcTensor a, WcScalar b) { WC_TRY(T(a).mul_(wc::scalar(b))) }
int32_t WcTensor_div(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::div(T(a), T(b))) }
int32_t WcTensor_div_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::div(T(a), wc::scalar(b))) }
int32_t WcTensor_div_(WcTensor a, WcTensor b) { WC_TRY(T(a).div_(T(b))) }
int32_t WcTensor_div_scalar_(WcTensor a, WcScalar b) { WC_TRY(T(a).div_(wc::scalar(b))) }
int32_t WcTensor_neg(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::neg(T(a))) }
int32_t WcTensor_reciprocal(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::reciprocal(T(a))) }

} // extern "C"

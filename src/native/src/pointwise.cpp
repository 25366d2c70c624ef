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

extern "C" {

int32_t WcTensor_sqrt(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::sqrt(T(a))) }
int32_t WcTensor_relu(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::relu(T(a))) }
int32_t WcTensor_relu_(WcTensor a) { WC_TRY(at::relu_(T(a))) }
int32_t WcTensor_relu6(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::hardtanh(T(a), 0, 6)) }
int32_t WcTensor_addcmul_(WcTensor self, WcTensor t1, WcTensor t2, WcScalar value) { WC_TRY(T(self).addcmul_(T(t1), T(t2), wc::scalar(value))) }
int32_t WcTensor_addcdiv_(WcTensor self, WcTensor t1, WcTensor t2, WcScalar value) { WC_TRY(T(self).addcdiv_(T(t1), T(t2), wc::scalar(value))) }
int32_t WcTensor_uniform_(WcTensor self, double from, double to) { WC_TRY(T(self).uniform_(from, to)) }
int32_t WcTensor_normal_(WcTensor self, double mean, double std) { WC_TRY(T(self).normal_(mean, std)) }
int32_t WcTensor_fill_(WcTensor self, WcScalar value) { WC_TRY(T(self).fill_(wc::scalar(value))) }
int32_t WcTensor_zero_(WcTensor self) { WC_TRY(T(self).zero_()) }

} // extern "C"

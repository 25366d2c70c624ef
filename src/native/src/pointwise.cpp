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

// Unary math, each with its in-place twin.
#define WC_UNARY(name)                                                                          \
    int32_t WcTensor_##name(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, T(a).name()) } \
    int32_t WcTensor_##name##_(WcTensor a) { WC_TRY(T(a).name##_()) }

extern "C" {

WC_UNARY(exp)
WC_UNARY(log)
WC_UNARY(log2)
WC_UNARY(log1p)
WC_UNARY(expm1)
WC_UNARY(abs)
WC_UNARY(sigmoid)
WC_UNARY(tanh)
WC_UNARY(sin)
WC_UNARY(cos)
WC_UNARY(floor)
WC_UNARY(ceil)
WC_UNARY(round)
WC_UNARY(trunc)
WC_UNARY(sign)
WC_UNARY(square)
WC_UNARY(rsqrt)
int32_t WcTensor_sqrt_(WcTensor a) { WC_TRY(T(a).sqrt_()) }
int32_t WcTensor_neg_(WcTensor a) { WC_TRY(T(a).neg_()) }

int32_t WcTensor_pow(WcTensor a, WcTensor exponent, WcTensor* out) { WC_RETURN_TENSOR(out, at::pow(T(a), T(exponent))) }
int32_t WcTensor_pow_scalar(WcTensor a, WcScalar exponent, WcTensor* out) { WC_RETURN_TENSOR(out, at::pow(T(a), wc::scalar(exponent))) }
int32_t WcTensor_pow_scalar_base(WcScalar base, WcTensor exponent, WcTensor* out) { WC_RETURN_TENSOR(out, at::pow(wc::scalar(base), T(exponent))) }
int32_t WcTensor_pow_(WcTensor a, WcTensor exponent) { WC_TRY(T(a).pow_(T(exponent))) }
int32_t WcTensor_pow_scalar_(WcTensor a, WcScalar exponent) { WC_TRY(T(a).pow_(wc::scalar(exponent))) }
int32_t WcTensor_leaky_relu(WcTensor a, WcScalar negative_slope, WcTensor* out) { WC_RETURN_TENSOR(out, at::leaky_relu(T(a), wc::scalar(negative_slope))) }
int32_t WcTensor_leaky_relu_(WcTensor a, WcScalar negative_slope) { WC_TRY(at::leaky_relu_(T(a), wc::scalar(negative_slope))) }
int32_t WcTensor_clamp(WcTensor a, const WcScalar* min, const WcScalar* max, WcTensor* out) { WC_RETURN_TENSOR(out, at::clamp(T(a), wc::opt_scalar(min), wc::opt_scalar(max))) }
int32_t WcTensor_clamp_(WcTensor a, const WcScalar* min, const WcScalar* max) { WC_TRY(at::clamp_(T(a), wc::opt_scalar(min), wc::opt_scalar(max))) }
int32_t WcTensor_clamp_tensor(WcTensor a, WcTensor min, WcTensor max, WcTensor* out) { WC_RETURN_TENSOR(out, at::clamp(T(a), wc::opt(min), wc::opt(max))) }
int32_t WcTensor_clamp_min(WcTensor a, WcScalar min, WcTensor* out) { WC_RETURN_TENSOR(out, at::clamp_min(T(a), wc::scalar(min))) }
int32_t WcTensor_clamp_max(WcTensor a, WcScalar max, WcTensor* out) { WC_RETURN_TENSOR(out, at::clamp_max(T(a), wc::scalar(max))) }
int32_t WcTensor_maximum(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::maximum(T(a), T(b))) }
int32_t WcTensor_minimum(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::minimum(T(a), T(b))) }
int32_t WcTensor_lerp(WcTensor a, WcTensor end, WcScalar weight, WcTensor* out) { WC_RETURN_TENSOR(out, at::lerp(T(a), T(end), wc::scalar(weight))) }
int32_t WcTensor_lerp_tensor(WcTensor a, WcTensor end, WcTensor weight, WcTensor* out) { WC_RETURN_TENSOR(out, at::lerp(T(a), T(end), T(weight))) }
int32_t WcTensor_lerp_(WcTensor a, WcTensor end, WcScalar weight) { WC_TRY(T(a).lerp_(T(end), wc::scalar(weight))) }
int32_t WcTensor_fmod_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::fmod(T(a), wc::scalar(b))) }
int32_t WcTensor_remainder_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::remainder(T(a), wc::scalar(b))) }
int32_t WcTensor_floor_divide_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::floor_divide(T(a), wc::scalar(b))) }

} // extern "C"

// Comparisons: tensor and scalar right-hand sides.
#define WC_COMPARE(name)                                                                                          \
    int32_t WcTensor_##name(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::name(T(a), T(b))) } \
    int32_t WcTensor_##name##_scalar(WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::name(T(a), wc::scalar(b))) }

extern "C" {

WC_COMPARE(eq)
WC_COMPARE(ne)
WC_COMPARE(lt)
WC_COMPARE(le)
WC_COMPARE(gt)
WC_COMPARE(ge)
int32_t WcTensor_logical_and(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::logical_and(T(a), T(b))) }
int32_t WcTensor_logical_or(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::logical_or(T(a), T(b))) }
int32_t WcTensor_logical_xor(WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::logical_xor(T(a), T(b))) }
int32_t WcTensor_logical_not(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::logical_not(T(a))) }
int32_t WcTensor_isnan(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::isnan(T(a))) }
int32_t WcTensor_isinf(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::isinf(T(a))) }
int32_t WcTensor_isfinite(WcTensor a, WcTensor* out) { WC_RETURN_TENSOR(out, at::isfinite(T(a))) }
int32_t WcTensor_where(WcTensor condition, WcTensor a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::where(T(condition), T(a), T(b))) }
int32_t WcTensor_where_scalar_other(WcTensor condition, WcTensor a, WcScalar b, WcTensor* out) { WC_RETURN_TENSOR(out, at::where(T(condition), T(a), wc::scalar(b))) }
int32_t WcTensor_where_scalar_self(WcTensor condition, WcScalar a, WcTensor b, WcTensor* out) { WC_RETURN_TENSOR(out, at::where(T(condition), wc::scalar(a), T(b))) }
int32_t WcTensor_equal(WcTensor a, WcTensor b, int32_t* out) { WC_TRY(*out = at::equal(T(a), T(b)) ? 1 : 0) }
int32_t WcTensor_allclose(WcTensor a, WcTensor b, double rtol, double atol, int32_t equal_nan, int32_t* out) { WC_TRY(*out = at::allclose(T(a), T(b), rtol, atol, equal_nan != 0) ? 1 : 0) }

} // extern "C"

extern "C" {

int32_t WcTensor_atan2(WcTensor y, WcTensor x, WcTensor* out) { WC_RETURN_TENSOR(out, at::atan2(T(y), T(x))) }

} // extern "C"

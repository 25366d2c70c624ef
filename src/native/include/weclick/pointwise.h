/* pointwise: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_POINTWISE_H
#define WECLICK_POINTWISE_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* Binary arithmetic with broadcasting; alpha scales the second operand as in torch.add(a, b, alpha=). */
WC_API int32_t WcTensor_add(WcTensor a, WcTensor b, WcScalar alpha, WcTensor* out);
WC_API int32_t WcTensor_add_scalar(WcTensor a, WcScalar b, WcScalar alpha, WcTensor* out);
WC_API int32_t WcTensor_add_(WcTensor a, WcTensor b, WcScalar alpha);
WC_API int32_t WcTensor_add_scalar_(WcTensor a, WcScalar b, WcScalar alpha);
WC_API int32_t WcTensor_sub(WcTensor a, WcTensor b, WcScalar alpha, WcTensor* out);
WC_API int32_t WcTensor_sub_scalar(WcTensor a, WcScalar b, WcScalar alpha, WcTensor* out);
WC_API int32_t WcTensor_rsub_scalar(WcTensor a, WcScalar b, WcTensor* out);   /* b - a */
WC_API int32_t WcTensor_sub_(WcTensor a, WcTensor b, WcScalar alpha);
WC_API int32_t WcTensor_sub_scalar_(WcTensor a, WcScalar b, WcScalar alpha);
WC_API int32_t WcTensor_mul(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_mul_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_mul_(WcTensor a, WcTensor b);
WC_API int32_t WcTensor_mul_scalar_(WcTensor a, WcScalar b);
WC_API int32_t WcTensor_div(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_div_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_div_(WcTensor a, WcTensor b);
WC_API int32_t WcTensor_div_scalar_(WcTensor a, WcScalar b);
WC_API int32_t WcTensor_neg(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_reciprocal(WcTensor a, WcTensor* out);

WC_API int32_t WcTensor_sqrt(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_relu(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_relu_(WcTensor a);
WC_API int32_t WcTensor_relu6(WcTensor a, WcTensor* out);                 /* hardtanh(a, 0, 6) */
WC_API int32_t WcTensor_addcmul_(WcTensor self, WcTensor t1, WcTensor t2, WcScalar value);   /* self += value*t1*t2 */
WC_API int32_t WcTensor_addcdiv_(WcTensor self, WcTensor t1, WcTensor t2, WcScalar value);   /* self += value*t1/t2 */
/* In-place fills, used by nn.init (drawn from the default generator, as torch.nn.init does). */
WC_API int32_t WcTensor_uniform_(WcTensor self, double from, double to);
WC_API int32_t WcTensor_normal_(WcTensor self, double mean, double std);
WC_API int32_t WcTensor_fill_(WcTensor self, WcScalar value);
WC_API int32_t WcTensor_zero_(WcTensor self);

/* Unary math; the _ variants work in place. */
WC_API int32_t WcTensor_exp(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_exp_(WcTensor a);
WC_API int32_t WcTensor_log(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_log_(WcTensor a);
WC_API int32_t WcTensor_log2(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_log2_(WcTensor a);
WC_API int32_t WcTensor_log1p(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_log1p_(WcTensor a);
WC_API int32_t WcTensor_expm1(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_expm1_(WcTensor a);
WC_API int32_t WcTensor_abs(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_abs_(WcTensor a);
WC_API int32_t WcTensor_sigmoid(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_sigmoid_(WcTensor a);
WC_API int32_t WcTensor_tanh(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_tanh_(WcTensor a);
WC_API int32_t WcTensor_sin(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_sin_(WcTensor a);
WC_API int32_t WcTensor_cos(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_cos_(WcTensor a);
WC_API int32_t WcTensor_floor(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_floor_(WcTensor a);
WC_API int32_t WcTensor_ceil(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_ceil_(WcTensor a);
WC_API int32_t WcTensor_round(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_round_(WcTensor a);
WC_API int32_t WcTensor_trunc(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_trunc_(WcTensor a);
WC_API int32_t WcTensor_sign(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_sign_(WcTensor a);
WC_API int32_t WcTensor_square(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_square_(WcTensor a);
WC_API int32_t WcTensor_rsqrt(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_rsqrt_(WcTensor a);
WC_API int32_t WcTensor_sqrt_(WcTensor a);
WC_API int32_t WcTensor_neg_(WcTensor a);
/* Powers: tensor^tensor, tensor^scalar, scalar^tensor. */
WC_API int32_t WcTensor_pow(WcTensor a, WcTensor exponent, WcTensor* out);
WC_API int32_t WcTensor_pow_scalar(WcTensor a, WcScalar exponent, WcTensor* out);
WC_API int32_t WcTensor_pow_scalar_base(WcScalar base, WcTensor exponent, WcTensor* out);
WC_API int32_t WcTensor_pow_(WcTensor a, WcTensor exponent);
WC_API int32_t WcTensor_pow_scalar_(WcTensor a, WcScalar exponent);
WC_API int32_t WcTensor_leaky_relu(WcTensor a, WcScalar negative_slope, WcTensor* out);
WC_API int32_t WcTensor_leaky_relu_(WcTensor a, WcScalar negative_slope);
/* clamp: min and/or max may be NULL (at least one must be given). */
WC_API int32_t WcTensor_clamp(WcTensor a, const WcScalar* min, const WcScalar* max, WcTensor* out);
WC_API int32_t WcTensor_clamp_(WcTensor a, const WcScalar* min, const WcScalar* max);
WC_API int32_t WcTensor_clamp_tensor(WcTensor a, WcTensor min, WcTensor max, WcTensor* out);
WC_API int32_t WcTensor_clamp_min(WcTensor a, WcScalar min, WcTensor* out);
WC_API int32_t WcTensor_clamp_max(WcTensor a, WcScalar max, WcTensor* out);
WC_API int32_t WcTensor_maximum(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_minimum(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_lerp(WcTensor a, WcTensor end, WcScalar weight, WcTensor* out);
WC_API int32_t WcTensor_lerp_tensor(WcTensor a, WcTensor end, WcTensor weight, WcTensor* out);
WC_API int32_t WcTensor_lerp_(WcTensor a, WcTensor end, WcScalar weight);
WC_API int32_t WcTensor_fmod_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_remainder_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_floor_divide_scalar(WcTensor a, WcScalar b, WcTensor* out);

/* Comparisons (bool results, broadcasting). */
WC_API int32_t WcTensor_eq(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_eq_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_ne(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_ne_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_lt(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_lt_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_le(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_le_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_gt(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_gt_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_ge(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_ge_scalar(WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_logical_and(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_logical_or(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_logical_xor(WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_logical_not(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_isnan(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_isinf(WcTensor a, WcTensor* out);
WC_API int32_t WcTensor_isfinite(WcTensor a, WcTensor* out);
/* torch.where(condition, a, b) with tensor or scalar branches. */
WC_API int32_t WcTensor_where(WcTensor condition, WcTensor a, WcTensor b, WcTensor* out);
WC_API int32_t WcTensor_where_scalar_other(WcTensor condition, WcTensor a, WcScalar b, WcTensor* out);
WC_API int32_t WcTensor_where_scalar_self(WcTensor condition, WcScalar a, WcTensor b, WcTensor* out);
/* torch.equal (same shape and values) and torch.allclose, as 0/1. */
WC_API int32_t WcTensor_equal(WcTensor a, WcTensor b, int32_t* out);
WC_API int32_t WcTensor_allclose(WcTensor a, WcTensor b, double rtol, double atol, int32_t equal_nan, int32_t* out);

WC_API int32_t WcTensor_atan2(WcTensor y, WcTensor x, WcTensor* out);   /* angle of (x, y) in (-pi, pi] */

#ifdef __cplusplus
}
#endif
#endif

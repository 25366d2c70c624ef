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

#ifdef __cplusplus
}
#endif
#endif

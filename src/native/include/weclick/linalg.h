/* linalg: matrix products (see weclick_native.h for the conventions every declaration here follows). */
#ifndef WECLICK_LINALG_H
#define WECLICK_LINALG_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

WC_API int32_t WcTensor_matmul(WcTensor a, WcTensor b, WcTensor* out);   /* torch.matmul broadcasting rules */
WC_API int32_t WcTensor_mm(WcTensor a, WcTensor b, WcTensor* out);       /* 2-D x 2-D */
WC_API int32_t WcTensor_bmm(WcTensor a, WcTensor b, WcTensor* out);      /* (b,n,m) x (b,m,p) */
WC_API int32_t WcTensor_dot(WcTensor a, WcTensor b, WcTensor* out);      /* 1-D x 1-D */
WC_API int32_t WcTensor_outer(WcTensor a, WcTensor b, WcTensor* out);

#ifdef __cplusplus
}
#endif
#endif

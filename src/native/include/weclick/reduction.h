/* reduction: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_REDUCTION_H
#define WECLICK_REDUCTION_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

WC_API int32_t WcTensor_sum(WcTensor t, int32_t dtype, WcTensor* out);   /* over all elements; dtype -1 = default */

#ifdef __cplusplus
}
#endif
#endif

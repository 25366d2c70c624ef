/* shape: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_SHAPE_H
#define WECLICK_SHAPE_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

WC_API int32_t WcTensor_reshape(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_view(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out);
WC_API int32_t WcTensor_narrow(WcTensor t, int64_t dim, int64_t start, int64_t length, WcTensor* out);

#ifdef __cplusplus
}
#endif
#endif

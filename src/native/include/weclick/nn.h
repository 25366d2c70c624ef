/* nn: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_NN_H
#define WECLICK_NN_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* torch.nn.functional.conv2d; bias may be NULL; stride/padding/dilation are (h, w) pairs. */
WC_API int32_t WcNn_conv2d(WcTensor input, WcTensor weight, WcTensor bias, const int64_t* stride, const int64_t* padding,
                           const int64_t* dilation, int64_t groups, WcTensor* out);
/* torch.nn.functional.batch_norm; every tensor but input may be NULL; running stats are updated in place when training. */
WC_API int32_t WcNn_batch_norm(WcTensor input, WcTensor running_mean, WcTensor running_var, WcTensor weight, WcTensor bias,
                               int32_t training, double momentum, double eps, WcTensor* out);
WC_API int32_t WcNn_linear(WcTensor input, WcTensor weight, WcTensor bias, WcTensor* out);
WC_API int32_t WcNn_dropout(WcTensor input, double p, int32_t training, WcTensor* out);
WC_API int32_t WcNn_dropout2d(WcTensor input, double p, int32_t training, WcTensor* out);  /* zeroes whole channels */

#ifdef __cplusplus
}
#endif
#endif

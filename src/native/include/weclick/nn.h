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

/* Softmax along dim, optionally computed in dtype (-1 = input's dtype). */
WC_API int32_t WcNn_softmax(WcTensor input, int64_t dim, int32_t dtype, WcTensor* out);
WC_API int32_t WcNn_log_softmax(WcTensor input, int64_t dim, int32_t dtype, WcTensor* out);

/* Pooling. Every int array is an (h, w) pair except stride, which may have length 0 (= kernel_size). */
WC_API int32_t WcNn_max_pool2d(WcTensor input, const int64_t* kernel_size, const int64_t* stride, int64_t stride_length,
                               const int64_t* padding, const int64_t* dilation, int32_t ceil_mode, WcTensor* out);
/* divisor_override: NULL = none. */
WC_API int32_t WcNn_avg_pool2d(WcTensor input, const int64_t* kernel_size, const int64_t* stride, int64_t stride_length,
                               const int64_t* padding, int32_t ceil_mode, int32_t count_include_pad,
                               const int64_t* divisor_override, WcTensor* out);
WC_API int32_t WcNn_adaptive_avg_pool2d(WcTensor input, const int64_t* output_size, WcTensor* out);

/* Resampling of [N, C, H, W], the vec overloads F.interpolate calls: exactly one of output_size (h, w) and
   scale_factors (h, w) is non-NULL; with scale factors the size is floor(in * scale) and the kernel sees the scales. */
WC_API int32_t WcNn_upsample_nearest2d(WcTensor input, const int64_t* output_size, const double* scale_factors, WcTensor* out);
WC_API int32_t WcNn_upsample_nearest_exact2d(WcTensor input, const int64_t* output_size, const double* scale_factors, WcTensor* out);
WC_API int32_t WcNn_upsample_bilinear2d(WcTensor input, const int64_t* output_size, int32_t align_corners,
                                        const double* scale_factors, WcTensor* out);
WC_API int32_t WcNn_upsample_bicubic2d(WcTensor input, const int64_t* output_size, int32_t align_corners,
                                       const double* scale_factors, WcTensor* out);
/* torch.grid_sampler: interpolation_mode 0 bilinear, 1 nearest, 2 bicubic; padding_mode 0 zeros, 1 border, 2 reflection. */
WC_API int32_t WcNn_grid_sampler(WcTensor input, WcTensor grid, int64_t interpolation_mode, int64_t padding_mode,
                                 int32_t align_corners, WcTensor* out);

/* F.unfold (im2col) and F.fold (col2im); every int array is an (h, w) pair. */
WC_API int32_t WcNn_im2col(WcTensor input, const int64_t* kernel_size, const int64_t* dilation, const int64_t* padding,
                           const int64_t* stride, WcTensor* out);
WC_API int32_t WcNn_col2im(WcTensor input, const int64_t* output_size, const int64_t* kernel_size, const int64_t* dilation,
                           const int64_t* padding, const int64_t* stride, WcTensor* out);
/* F.pad: pad lists (left, right) pairs from the last dimension backwards; mode is "constant", "reflect",
   "replicate" or "circular"; value (NULL = 0) only for constant. */
WC_API int32_t WcNn_pad(WcTensor input, const int64_t* pad, int64_t pad_length, const char* mode, const double* value,
                        WcTensor* out);

#ifdef __cplusplus
}
#endif
#endif

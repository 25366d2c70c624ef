// nn.functional: convolution, normalisation, pooling, resampling and friends (include/weclick/nn.h).
#include "common.h"

using wc::T;

extern "C" {

int32_t WcNn_conv2d(WcTensor input, WcTensor weight, WcTensor bias, const int64_t* stride, const int64_t* padding,
                    const int64_t* dilation, int64_t groups, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::conv2d(T(input), T(weight), wc::opt(bias), wc::ints(stride, 2), wc::ints(padding, 2), wc::ints(dilation, 2), groups))
}

int32_t WcNn_batch_norm(WcTensor input, WcTensor running_mean, WcTensor running_var, WcTensor weight, WcTensor bias,
                        int32_t training, double momentum, double eps, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::batch_norm(T(input), wc::opt(weight), wc::opt(bias), wc::opt(running_mean), wc::opt(running_var),
                                         training != 0, momentum, eps, /*cudnn_enabled=*/true))
}

int32_t WcNn_linear(WcTensor input, WcTensor weight, WcTensor bias, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::linear(T(input), T(weight), wc::opt(bias)))
}

int32_t WcNn_dropout(WcTensor input, double p, int32_t training, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::dropout(T(input), p, training != 0))
}

int32_t WcNn_dropout2d(WcTensor input, double p, int32_t training, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::feature_dropout(T(input), p, training != 0))
}


int32_t WcNn_softmax(WcTensor input, int64_t dim, int32_t dtype, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::softmax(T(input), dim, wc::opt_dtype(dtype)))
}

int32_t WcNn_log_softmax(WcTensor input, int64_t dim, int32_t dtype, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::log_softmax(T(input), dim, wc::opt_dtype(dtype)))
}

int32_t WcNn_max_pool2d(WcTensor input, const int64_t* kernel_size, const int64_t* stride, int64_t stride_length,
                        const int64_t* padding, const int64_t* dilation, int32_t ceil_mode, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::max_pool2d(T(input), wc::ints(kernel_size, 2), wc::ints(stride, stride_length), wc::ints(padding, 2),
                                         wc::ints(dilation, 2), ceil_mode != 0))
}

int32_t WcNn_avg_pool2d(WcTensor input, const int64_t* kernel_size, const int64_t* stride, int64_t stride_length,
                        const int64_t* padding, int32_t ceil_mode, int32_t count_include_pad,
                        const int64_t* divisor_override, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::avg_pool2d(T(input), wc::ints(kernel_size, 2), wc::ints(stride, stride_length), wc::ints(padding, 2),
                                         ceil_mode != 0, count_include_pad != 0,
                                         divisor_override == nullptr ? c10::optional<int64_t>() : c10::optional<int64_t>(*divisor_override)))
}

int32_t WcNn_adaptive_avg_pool2d(WcTensor input, const int64_t* output_size, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::adaptive_avg_pool2d(T(input), wc::ints(output_size, 2)))
}

namespace
{
at::OptionalIntArrayRef opt_size(const int64_t* size)
{
    return size == nullptr ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(wc::ints(size, 2));
}

c10::optional<at::ArrayRef<double>> opt_scales(const double* scales)
{
    return scales == nullptr ? c10::optional<at::ArrayRef<double>>() : c10::optional<at::ArrayRef<double>>(at::ArrayRef<double>(scales, 2));
}
} // namespace

int32_t WcNn_upsample_nearest2d(WcTensor input, const int64_t* output_size, const double* scale_factors, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::upsample_nearest2d(T(input), opt_size(output_size), opt_scales(scale_factors)))
}

int32_t WcNn_upsample_nearest_exact2d(WcTensor input, const int64_t* output_size, const double* scale_factors, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::_upsample_nearest_exact2d(T(input), opt_size(output_size), opt_scales(scale_factors)))
}

int32_t WcNn_upsample_bilinear2d(WcTensor input, const int64_t* output_size, int32_t align_corners, const double* scale_factors,
                                 WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::upsample_bilinear2d(T(input), opt_size(output_size), align_corners != 0, opt_scales(scale_factors)))
}

int32_t WcNn_upsample_bicubic2d(WcTensor input, const int64_t* output_size, int32_t align_corners, const double* scale_factors,
                                WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::upsample_bicubic2d(T(input), opt_size(output_size), align_corners != 0, opt_scales(scale_factors)))
}

int32_t WcNn_grid_sampler(WcTensor input, WcTensor grid, int64_t interpolation_mode, int64_t padding_mode, int32_t align_corners,
                          WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::grid_sampler(T(input), T(grid), interpolation_mode, padding_mode, align_corners != 0))
}

int32_t WcNn_im2col(WcTensor input, const int64_t* kernel_size, const int64_t* dilation, const int64_t* padding, const int64_t* stride,
                    WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::im2col(T(input), wc::ints(kernel_size, 2), wc::ints(dilation, 2), wc::ints(padding, 2), wc::ints(stride, 2)))
}

int32_t WcNn_col2im(WcTensor input, const int64_t* output_size, const int64_t* kernel_size, const int64_t* dilation,
                    const int64_t* padding, const int64_t* stride, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::col2im(T(input), wc::ints(output_size, 2), wc::ints(kernel_size, 2), wc::ints(dilation, 2),
                                     wc::ints(padding, 2), wc::ints(stride, 2)))
}

int32_t WcNn_pad(WcTensor input, const int64_t* pad, int64_t pad_length, const char* mode, const double* value, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::pad(T(input), wc::ints(pad, pad_length), c10::string_view(mode),
                                  value == nullptr ? c10::optional<double>() : c10::optional<double>(*value)))
}

} // extern "C"

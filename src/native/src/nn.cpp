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

} // extern "C"

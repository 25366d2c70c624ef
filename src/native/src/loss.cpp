// Losses: cross-entropy, NLL, KL divergence, MSE (include/weclick/loss.h).
#include "common.h"

using wc::T;

extern "C" {

int32_t WcLoss_cross_entropy(WcTensor input, WcTensor target, WcTensor weight, int64_t reduction, int64_t ignore_index,
                             double label_smoothing, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::cross_entropy_loss(T(input), T(target), wc::opt(weight), reduction, ignore_index, label_smoothing))
}

int32_t WcLoss_nll_loss(WcTensor input, WcTensor target, WcTensor weight, int64_t reduction, int64_t ignore_index, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::nll_loss_nd(T(input), T(target), wc::opt(weight), reduction, ignore_index))
}

int32_t WcLoss_kl_div(WcTensor input, WcTensor target, int64_t reduction, int32_t log_target, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::kl_div(T(input), T(target), reduction, log_target != 0))
}

int32_t WcLoss_mse_loss(WcTensor input, WcTensor target, int64_t reduction, WcTensor* out)
{
    WC_RETURN_TENSOR(out, at::mse_loss(T(input), T(target), reduction))
}

} // extern "C"

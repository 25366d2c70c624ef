/* loss: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_LOSS_H
#define WECLICK_LOSS_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* reduction follows at::Reduction: 0 none, 1 mean, 2 sum. weight may be NULL. */
/* F.cross_entropy: class-index targets ([N] or [N, d1, ...], int64) or class probabilities (input's shape). */
WC_API int32_t WcLoss_cross_entropy(WcTensor input, WcTensor target, WcTensor weight, int64_t reduction, int64_t ignore_index,
                                    double label_smoothing, WcTensor* out);
/* F.nll_loss on log-probabilities [N, C] or [N, C, d1, ...]. */
WC_API int32_t WcLoss_nll_loss(WcTensor input, WcTensor target, WcTensor weight, int64_t reduction, int64_t ignore_index,
                               WcTensor* out);
/* torch.kl_div: input holds log-probabilities; target probabilities, or log-probabilities when log_target. */
WC_API int32_t WcLoss_kl_div(WcTensor input, WcTensor target, int64_t reduction, int32_t log_target, WcTensor* out);
WC_API int32_t WcLoss_mse_loss(WcTensor input, WcTensor target, int64_t reduction, WcTensor* out);

#ifdef __cplusplus
}
#endif
#endif

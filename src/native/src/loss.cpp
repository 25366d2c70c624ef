// Losses: cross-entropy, NLL, KL divergence, MSE (include/weclick/loss.h).
#include "common.h"

using wc::T;

extern "C" {

} // extern "C"

/*
 * weclick_native.h: the whole C ABI of the WeClick native shim.
 *
 * Conventions (DESIGN.md "Native boundary", STYLE.md "Native shim"):
 *  - Every function is named Wc<Area>_<op>, returns int32_t status (WC_OK = 0) and writes results
 *    through out-parameters. On failure it returns WC_ERROR and stores a message that
 *    WcError_last_message() returns (thread-local, valid until the next failure on that thread).
 *  - No C++ exception ever crosses this boundary.
 *  - A WcTensor handle returned through an out-parameter is owned by the caller and released with
 *    WcTensor_dispose. An undefined tensor (an absent .grad, say) comes back as NULL with WC_OK.
 *  - NULL for an optional tensor argument means "none".
 *  - Arrays that the shim allocates (strings, tensor lists) are released with WcMemory_free.
 *
 * The declarations are grouped by family, one header each, all included here.
 */
#ifndef WECLICK_NATIVE_H
#define WECLICK_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WC_API __attribute__((visibility("default")))
#define WC_OK 0
#define WC_ERROR 1

/* Opaque handle to a tensor (an at::Tensor on the heap). */
typedef struct WcTensorObject* WcTensor;

/* A scalar argument: kind 0 = floating (f), 1 = integer (i), 2 = boolean (i != 0).
   The kind matters: PyTorch promotes int_tensor + 2.5 to float but keeps int_tensor + 2 an int. */
typedef struct
{
    int32_t kind;
    int32_t reserved;
    double f;
    int64_t i;
} WcScalar;

/* Called once when libtorch frees memory that it borrowed from the caller (WcTensor_from_blob). */
typedef void (*WcDeleter)(void* context);

#ifdef __cplusplus
}
#endif

#include "weclick/core.h"
#include "weclick/creation.h"
#include "weclick/pointwise.h"
#include "weclick/reduction.h"
#include "weclick/shape.h"
#include "weclick/linalg.h"
#include "weclick/autograd.h"
#include "weclick/nn.h"
#include "weclick/loss.h"
#include "weclick/vision.h"
#include "weclick/jit.h"

#endif /* WECLICK_NATIVE_H */

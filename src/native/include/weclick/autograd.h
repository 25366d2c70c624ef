/* autograd: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_AUTOGRAD_H
#define WECLICK_AUTOGRAD_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

WC_API int32_t WcTensor_requires_grad(WcTensor t, int32_t* out);
WC_API int32_t WcTensor_set_requires_grad(WcTensor t, int32_t requires_grad);
WC_API int32_t WcTensor_is_leaf(WcTensor t, int32_t* out);
/* gradient may be NULL for a scalar output; retain_graph < 0 means "as create_graph" (PyTorch's None). */
WC_API int32_t WcTensor_backward(WcTensor t, WcTensor gradient, int32_t retain_graph, int32_t create_graph);
WC_API int32_t WcTensor_grad(WcTensor t, WcTensor* out);            /* NULL when there is no gradient */
WC_API int32_t WcTensor_set_grad(WcTensor t, WcTensor gradient);    /* NULL clears it */
WC_API int32_t WcTensor_retain_grad(WcTensor t);
WC_API int32_t WcTensor_detach(WcTensor t, WcTensor* out);
WC_API int32_t WcTensor_detach_(WcTensor t);
WC_API int32_t WcTensor_grad_fn_name(WcTensor t, char** out);       /* "" for leaves */
/* torch.autograd.grad: gradients of outputs w.r.t. inputs; results[i] is NULL when unused (allow_unused). */
WC_API int32_t WcAutograd_grad(const WcTensor* outputs, int64_t n_outputs, const WcTensor* grad_outputs,
                               const WcTensor* inputs, int64_t n_inputs, int32_t retain_graph, int32_t create_graph,
                               int32_t allow_unused, WcTensor* results);

#ifdef __cplusplus
}
#endif
#endif

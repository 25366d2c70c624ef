// Autograd: gradient flags, backward, gradients and detaching (include/weclick/autograd.h).
#include "common.h"

#include <torch/csrc/autograd/function.h>

using wc::T;

extern "C" {

int32_t WcTensor_requires_grad(WcTensor t, int32_t* out) { WC_TRY(*out = T(t).requires_grad() ? 1 : 0) }
int32_t WcTensor_set_requires_grad(WcTensor t, int32_t requires_grad) { WC_TRY(T(t).requires_grad_(requires_grad != 0)) }
int32_t WcTensor_is_leaf(WcTensor t, int32_t* out) { WC_TRY(*out = T(t).is_leaf() ? 1 : 0) }

int32_t WcTensor_backward(WcTensor t, WcTensor gradient, int32_t retain_graph, int32_t create_graph)
{
    WC_TRY(
        c10::optional<bool> retain = retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0);
        T(t).backward(wc::or_undefined(gradient), retain, create_graph != 0))
}

int32_t WcTensor_grad(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).grad()) }
int32_t WcTensor_set_grad(WcTensor t, WcTensor gradient) { WC_TRY(T(t).mutable_grad() = wc::or_undefined(gradient)) }
int32_t WcTensor_retain_grad(WcTensor t) { WC_TRY(T(t).retain_grad()) }
int32_t WcTensor_detach(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).detach()) }
int32_t WcTensor_detach_(WcTensor t) { WC_TRY(T(t).detach_()) }

int32_t WcTensor_grad_fn_name(WcTensor t, char** out)
{
    WC_TRY(
        auto fn = T(t).grad_fn();
        *out = wc::copy_string(fn ? fn->name() : std::string()))
}

int32_t WcAutograd_grad(const WcTensor* outputs, int64_t n_outputs, const WcTensor* grad_outputs,
                        const WcTensor* inputs, int64_t n_inputs, int32_t retain_graph, int32_t create_graph,
                        int32_t allow_unused, WcTensor* results)
{
    WC_TRY(
        std::vector<at::Tensor> grads;
        if (grad_outputs != nullptr)
        {
            for (int64_t i = 0; i < n_outputs; ++i) { grads.push_back(wc::or_undefined(grad_outputs[i])); }
        }
        c10::optional<bool> retain = retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0);
        auto result = torch::autograd::grad(wc::tensor_list(outputs, n_outputs), wc::tensor_list(inputs, n_inputs),
                                            grads, retain, create_graph != 0, allow_unused != 0);
        for (size_t i = 0; i < result.size(); ++i) { results[i] = wc::wrap(result[i]); })
}

} // extern "C"

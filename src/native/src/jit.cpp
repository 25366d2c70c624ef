// jit: TorchScript modules through torch::jit (include/weclick/jit.h).
#include "common.h"

#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/serialization/import.h>

using wc::T;

namespace
{
torch::jit::Module& M(WcScriptModule handle)
{
    if (handle == nullptr)
    {
        throw std::invalid_argument("the TorchScript module is disposed");
    }
    return *reinterpret_cast<torch::jit::Module*>(handle);
}

void flatten(const c10::IValue& value, std::vector<at::Tensor>& out)
{
    if (value.isTensor())
    {
        out.push_back(value.toTensor());
    }
    else if (value.isTuple())
    {
        for (const auto& element : value.toTupleRef().elements()) { flatten(element, out); }
    }
    else if (value.isList())
    {
        for (const auto& element : value.toListRef()) { flatten(element, out); }
    }
    else if (!value.isNone())
    {
        throw std::runtime_error("TorchScript forward returned a " + value.tagKind() + "; only tensors, tuples and lists of them are supported");
    }
}
} // namespace

extern "C" {

int32_t WcJit_load(const char* path, int32_t device_type, int32_t device_index, WcScriptModule* out)
{
    WC_TRY(
        if (path == nullptr) { throw std::invalid_argument("no path given"); }
        try
        {
            auto module = std::make_unique<torch::jit::Module>(torch::jit::load(path, wc::device(device_type, device_index)));
            *out = reinterpret_cast<WcScriptModule>(module.release());
        }
        catch (const c10::Error& e)
        {
            throw std::runtime_error(std::string("could not load '") + path + "' as a TorchScript module: " + e.what_without_backtrace());
        })
}

void WcJit_dispose(WcScriptModule module)
{
    delete reinterpret_cast<torch::jit::Module*>(module);
}

int32_t WcJit_train(WcScriptModule module, int32_t on)
{
    WC_TRY(M(module).train(on != 0))
}

int32_t WcJit_forward(WcScriptModule module, const WcTensor* inputs, int64_t n_inputs, const int64_t* ints, int64_t n_ints,
                      WcTensor** outputs, int64_t* n_outputs)
{
    WC_TRY(
        std::vector<c10::IValue> arguments;
        for (int64_t i = 0; i < n_inputs; ++i) { arguments.emplace_back(T(inputs[i])); }
        for (int64_t i = 0; i < n_ints; ++i) { arguments.emplace_back(ints[i]); }
        auto result = M(module).forward(arguments);
        std::vector<at::Tensor> flat;
        flatten(result, flat);
        *n_outputs = static_cast<int64_t>(flat.size());
        *outputs = wc::wrap_list(flat))
}

} // extern "C"

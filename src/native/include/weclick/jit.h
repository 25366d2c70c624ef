/* jit: TorchScript modules (torch.jit.save'd files) loaded and called through libtorch's torch::jit. */
#ifndef WECLICK_JIT_H
#define WECLICK_JIT_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef struct WcScriptModuleObject* WcScriptModule;

/* Loads a TorchScript file onto a device (type, index as for tensors). Fails naming the file. */
WC_API int32_t WcJit_load(const char* path, int32_t device_type, int32_t device_index, WcScriptModule* out);
WC_API void WcJit_dispose(WcScriptModule module);
WC_API int32_t WcJit_train(WcScriptModule module, int32_t on);
/* Calls forward(tensors..., ints...). A tensor, tuple or list result is flattened into a malloc'd array of
   handles (free the array with WcMemory_free after taking every handle). */
WC_API int32_t WcJit_forward(WcScriptModule module, const WcTensor* inputs, int64_t n_inputs, const int64_t* ints, int64_t n_ints,
                             WcTensor** outputs, int64_t* n_outputs);

#ifdef __cplusplus
}
#endif
#endif

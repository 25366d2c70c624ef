/* Core: errors, memory, runtime information, tensor lifetime, metadata, data and conversion. */
#ifndef WECLICK_CORE_H
#define WECLICK_CORE_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* --- errors and memory --- */
WC_API const char* WcError_last_message(void);
WC_API void WcError_clear(void);
WC_API void WcMemory_free(void* pointer);
/* Fixes glibc malloc's mmap and trim thresholds (mallopt). See WeClick.Torch's NativeLibraryLoader for why. */
WC_API int32_t WcMemory_set_malloc_thresholds(int64_t mmap_threshold, int64_t trim_threshold);

/* --- runtime information and global state --- */
WC_API int32_t WcTorch_version(char** out);              /* "1.13.1" etc.; free with WcMemory_free */
WC_API int32_t WcTorch_config(char** out);               /* torch.__config__.show() */
WC_API int32_t WcTorch_parallel_info(char** out);        /* torch.__config__.parallel_info() */
WC_API int32_t WcTorch_cpu_capability(char** out);       /* "AVX2", "AVX512", "DEFAULT" */
WC_API int32_t WcOpenCv_version(char** out);
WC_API int32_t WcTorch_get_num_threads(int32_t* out);
WC_API int32_t WcTorch_set_num_threads(int32_t threads);
WC_API int32_t WcTorch_manual_seed(uint64_t seed);
WC_API int32_t WcTorch_initial_seed(uint64_t* out);
WC_API int32_t WcTorch_get_rng_state(WcTensor* out);     /* uint8 tensor, as torch.get_rng_state() */
WC_API int32_t WcTorch_set_rng_state(WcTensor state);
WC_API int32_t WcCuda_is_available(int32_t* out);
WC_API int32_t WcCuda_device_count(int32_t* out);
WC_API int32_t WcCuda_manual_seed_all(uint64_t seed);
WC_API int32_t WcCuda_synchronize(int32_t device);
WC_API int32_t WcTorch_grad_enabled(int32_t* out);
WC_API int32_t WcTorch_set_grad_enabled(int32_t enabled);

/* --- tensor lifetime --- */
WC_API void WcTensor_dispose(WcTensor tensor);
WC_API int32_t WcTensor_alias(WcTensor tensor, WcTensor* out);   /* a new handle to the same tensor */

/* --- metadata --- */
WC_API int32_t WcTensor_dim(WcTensor tensor, int64_t* out);
WC_API int32_t WcTensor_sizes(WcTensor tensor, int64_t* out, int64_t capacity);
WC_API int32_t WcTensor_strides(WcTensor tensor, int64_t* out, int64_t capacity);
WC_API int32_t WcTensor_numel(WcTensor tensor, int64_t* out);
WC_API int32_t WcTensor_dtype(WcTensor tensor, int32_t* out);
WC_API int32_t WcTensor_device(WcTensor tensor, int32_t* type, int32_t* index);
WC_API int32_t WcTensor_is_contiguous(WcTensor tensor, int32_t* out);
WC_API int32_t WcTensor_element_size(WcTensor tensor, int64_t* out);

/* --- data --- */
/* Wraps caller memory without copying; deleter(context) runs when libtorch no longer needs it. */
WC_API int32_t WcTensor_from_blob(void* data, const int64_t* sizes, int64_t ndim, int32_t dtype,
                                  WcDeleter deleter, void* context, WcTensor* out);
WC_API int32_t WcTensor_data_ptr(WcTensor tensor, void** out);  /* CPU tensors only */
WC_API int32_t WcTensor_item_double(WcTensor tensor, double* out);
WC_API int32_t WcTensor_item_int64(WcTensor tensor, int64_t* out);

/* --- conversion and copies --- */
WC_API int32_t WcTensor_to(WcTensor tensor, int32_t device_type, int32_t device_index, int32_t dtype,
                           int32_t non_blocking, int32_t copy, WcTensor* out);  /* dtype -1 = keep */
WC_API int32_t WcTensor_clone(WcTensor tensor, WcTensor* out);
WC_API int32_t WcTensor_contiguous(WcTensor tensor, WcTensor* out);
WC_API int32_t WcTensor_copy_(WcTensor self, WcTensor source, int32_t non_blocking);

#ifdef __cplusplus
}
#endif
#endif

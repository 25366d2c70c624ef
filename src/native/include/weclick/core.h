/* core: the error channel, memory the shim allocated, and version information. */
#ifndef WECLICK_CORE_H
#define WECLICK_CORE_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* The message of the last failure on this thread ("" if none since WcError_clear). */
WC_API const char* WcError_last_message(void);
WC_API void WcError_clear(void);
/* Releases memory the shim returned (WcImage.data of an output, encoded bytes, strings, statistics). */
WC_API void WcMemory_free(void* pointer);
/* OpenCV's version string, e.g. "4.6.0"; free it with WcMemory_free. */
WC_API int32_t WcOpenCv_version(char** out);

#ifdef __cplusplus
}
#endif
#endif

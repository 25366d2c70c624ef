/*
 * weclick_native.h: the whole C ABI of the WeClick native shim, a thin layer over OpenCV 4.6.
 *
 * Conventions (STYLE.md "Native code"; DESIGN.md "Layout"):
 *  - Every function is named Wc<Area>_<op>, returns int32_t status (WC_OK = 0) and writes results
 *    through out-parameters. On failure it returns WC_ERROR and stores a message that
 *    WcError_last_message() returns (thread-local, valid until the next failure on that thread).
 *  - No C++ exception ever crosses this boundary.
 *  - Only plain buffers cross it: no tensor type of any library. An image is a WcImage, a view of
 *    contiguous row-major memory [height, width, channels] that the caller owns.
 *  - Outputs whose size the caller knows (resize, blur, noise, flow, label maps) are written into
 *    memory the caller allocated and describes with a WcImage (or a plain pointer). Outputs whose size
 *    only the shim knows (decoded files, video frames, encoded bytes, component statistics, colour
 *    conversions) come back in malloc'd memory that the caller copies and releases with WcMemory_free.
 *
 * The declarations are grouped by area, one header each, all included here.
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

/* Element types of a WcImage (the values are OpenCV's depth codes CV_8U, CV_32S, CV_32F, CV_64F). */
#define WC_DEPTH_U8 0
#define WC_DEPTH_I32 4
#define WC_DEPTH_F32 5
#define WC_DEPTH_F64 6

/* An image: height * width * channels elements of type depth, row-major and contiguous (channels last,
   as OpenCV lays images out). channels is 1 for an [H, W] map and at most 4. data may be NULL only when
   height * width is 0. */
typedef struct
{
    void* data;
    int64_t height;
    int64_t width;
    int64_t channels;
    int32_t depth;
    int32_t reserved; /* 0 */
} WcImage;

#ifdef __cplusplus
}
#endif

#include "weclick/core.h"
#include "weclick/image.h"
#include "weclick/flow.h"
#include "weclick/draw.h"
#include "weclick/video.h"

#endif /* WECLICK_NATIVE_H */

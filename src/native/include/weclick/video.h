/* video: reading and writing video files (any container and codec OpenCV's FFmpeg backend handles).
   Frames are uint8 [H, W, 3] RGB. */
#ifndef WECLICK_VIDEO_H
#define WECLICK_VIDEO_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef struct WcVideoObject* WcVideo;
typedef struct WcVideoWriterObject* WcVideoWriter;

WC_API int32_t WcVideo_open(const char* path, WcVideo* out);
WC_API int32_t WcVideo_info(WcVideo video, double* fps, int64_t* frame_count, int64_t* width, int64_t* height);
/* *frame receives the next frame in malloc'd data (free it with WcMemory_free); frame->data is NULL at the end. */
WC_API int32_t WcVideo_read(WcVideo video, WcImage* frame);
WC_API void WcVideo_dispose(WcVideo video);
/* fourcc is four characters (e.g. "MJPG", "mp4v"); frames are uint8 [height, width, 3] RGB. */
WC_API int32_t WcVideoWriter_open(const char* path, const char* fourcc, double fps, int64_t width, int64_t height, WcVideoWriter* out);
WC_API int32_t WcVideoWriter_write(WcVideoWriter writer, const WcImage* frame);
WC_API void WcVideoWriter_dispose(WcVideoWriter writer); /* finishes the file */

#ifdef __cplusplus
}
#endif
#endif

/* vision: OpenCV image and video I/O, resizing, colour conversion, connected components and drawing.
   Images are tensors in OpenCV's layout: uint8 [H, W, 3] (RGB order at this boundary) or [H, W] for
   single-channel maps; 16-bit single-channel files read as int32 (libtorch 1.13 has no uint16). */
#ifndef WECLICK_VISION_H
#define WECLICK_VISION_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef struct WcVideoObject* WcVideo;

/* mode 0: colour → uint8 [H, W, 3] RGB; 1: single channel as stored (8-bit → uint8, 16-bit → int32) [H, W];
   2: grey → uint8 [H, W]. Fails with a message naming the file for a missing, unreadable or undecodable file. */
WC_API int32_t WcCv_imread(const char* path, int32_t mode, WcTensor* out);
/* uint8 [H, W, 3] RGB, uint8 [H, W], or int32 [H, W] with values in [0, 65535] (written as 16-bit; PNG only). */
WC_API int32_t WcCv_imwrite(const char* path, WcTensor image);
/* Encodes an image as WcCv_imwrite would write it, into memory: extension ".png", ".jpg", ...; *out is a malloc'd
   buffer of *length bytes (free it with WcMemory_free). */
WC_API int32_t WcCv_imencode(WcTensor image, const char* extension, uint8_t** out, int64_t* length);
/* interpolation: 0 nearest, 1 bilinear, 2 area, 3 bicubic. uint8/float32 images, any channel count; nearest also int32. */
WC_API int32_t WcCv_resize(WcTensor image, int64_t height, int64_t width, int32_t interpolation, WcTensor* out);
/* code: an OpenCV cv::ColorConversionCodes value (e.g. RGB2GRAY = 7, RGB2HSV = 41, HSV2RGB = 55). */
WC_API int32_t WcCv_cvt_color(WcTensor image, int32_t code, WcTensor* out);
/* Adds N(0, sigma^2) noise per element from a generator seeded with seed (cv::RNG; no global state),
   saturating uint8 images at 0 and 255. */
WC_API int32_t WcCv_add_noise(WcTensor image, double sigma, uint64_t seed, WcTensor* out);
WC_API int32_t WcCv_gaussian_blur(WcTensor image, int64_t kernel_size, double sigma, WcTensor* out);
/* mask: uint8 [H, W] (non-zero = foreground). labels: int32 [H, W] (0 = background); stats: int32 [count, 5]
   (left, top, width, height, area; row 0 is the background); centroids: float64 [count, 2] (x, y). */
WC_API int32_t WcCv_connected_components(WcTensor mask, int32_t connectivity, WcTensor* labels, WcTensor* stats, WcTensor* centroids);

/* Dense optical flow on the TARGET grid: float32 [2, H, W] (u, v) in pixels such that
   target(p) ≈ neighbour(p + flow(p)) — backward-warping flow (OpenCV's calc(prev = target, next = neighbour)).
   Inputs are uint8 [H, W] grey or [H, W, 3] RGB images of the same size. */
WC_API int32_t WcCv_flow_dis(WcTensor target, WcTensor neighbour, int32_t preset, WcTensor* out);   /* preset 0 ultrafast, 1 fast, 2 medium */
WC_API int32_t WcCv_flow_farneback(WcTensor target, WcTensor neighbour, double pyramid_scale, int32_t levels, int32_t window_size,
                                   int32_t iterations, int32_t poly_n, double poly_sigma, WcTensor* out);

/* Drawing in place on a contiguous uint8 [H, W, C] or [H, W] tensor. color has one value per channel
   (up to 4). antialias 0 draws hard 8-connected edges (exact label maps); 1 draws smooth edges. */
WC_API int32_t WcCv_fill_poly(WcTensor image, const int32_t* xy, int64_t points, const double* color, int64_t channels, int32_t antialias);
WC_API int32_t WcCv_ellipse(WcTensor image, double cx, double cy, double axis_x, double axis_y, double angle_degrees,
                            const double* color, int64_t channels, int32_t thickness, int32_t antialias);   /* thickness < 0: filled */
WC_API int32_t WcCv_line(WcTensor image, double x1, double y1, double x2, double y2, const double* color, int64_t channels,
                         int32_t thickness, int32_t antialias);

/* Video files (any container and codec OpenCV's FFmpeg backend reads). */
WC_API int32_t WcVideo_open(const char* path, WcVideo* out);
WC_API int32_t WcVideo_info(WcVideo video, double* fps, int64_t* frame_count, int64_t* width, int64_t* height);
WC_API int32_t WcVideo_read(WcVideo video, WcTensor* frame);   /* uint8 [H, W, 3] RGB; NULL at the end */
WC_API void WcVideo_dispose(WcVideo video);
/* Writing: fourcc is four characters (e.g. "MJPG", "mp4v"); frames are uint8 [height, width, 3] RGB. */
typedef struct WcVideoWriterObject* WcVideoWriter;
WC_API int32_t WcVideoWriter_open(const char* path, const char* fourcc, double fps, int64_t width, int64_t height, WcVideoWriter* out);
WC_API int32_t WcVideoWriter_write(WcVideoWriter writer, WcTensor frame);
WC_API void WcVideoWriter_dispose(WcVideoWriter writer);   /* finishes the file */

#ifdef __cplusplus
}
#endif
#endif

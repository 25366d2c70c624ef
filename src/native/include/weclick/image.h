/* image: image files, resizing, colour conversion, noise, blur and connected components.
   Colour images are [H, W, 3] in RGB order at this boundary (OpenCV's BGR stays inside the shim);
   16-bit single-channel files read as int32 (labels and instance ids keep one integer type). */
#ifndef WECLICK_IMAGE_H
#define WECLICK_IMAGE_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* mode 0: colour → uint8 [H, W, 3] RGB; 1: single channel as stored (8-bit → uint8, 16-bit → int32) [H, W];
   2: grey → uint8 [H, W]. *out receives malloc'd data (free it with WcMemory_free) and its dimensions.
   Fails with a message naming the file for a missing, unreadable or undecodable file. */
WC_API int32_t WcImage_read(const char* path, int32_t mode, WcImage* out);
/* uint8 [H, W, 3] RGB, uint8 [H, W], or int32 [H, W] with values in [0, 65535] (written as 16-bit; PNG only). */
WC_API int32_t WcImage_write(const char* path, const WcImage* image);
/* Encodes an image as WcImage_write would write it, into memory: extension ".png", ".jpg", ...; *out is a
   malloc'd buffer of *length bytes (free it with WcMemory_free). */
WC_API int32_t WcImage_encode(const WcImage* image, const char* extension, uint8_t** out, int64_t* length);
/* Resizes image into out, which the caller allocated with the target height and width and the same channels
   and depth. interpolation: 0 nearest, 1 bilinear, 2 area, 3 bicubic. uint8/float32 images; int32 only nearest. */
WC_API int32_t WcImage_resize(const WcImage* image, const WcImage* out, int32_t interpolation);
/* code: an OpenCV cv::ColorConversionCodes value (e.g. RGB2GRAY = 7, RGB2HSV = 41, HSV2RGB = 55).
   *out receives malloc'd data (the channel count depends on the code). */
WC_API int32_t WcImage_cvt_color(const WcImage* image, int32_t code, WcImage* out);
/* Adds N(0, sigma^2) noise per element from a generator seeded with seed (cv::RNG; no global state) into out
   (caller-allocated, same shape and depth), saturating uint8 images at 0 and 255. */
WC_API int32_t WcImage_add_noise(const WcImage* image, double sigma, uint64_t seed, const WcImage* out);
/* Gaussian blur with an odd square kernel, borders reflected (BORDER_REFLECT101), into out (same shape and depth). */
WC_API int32_t WcImage_gaussian_blur(const WcImage* image, int64_t kernel_size, double sigma, const WcImage* out);
/* mask: uint8 [H, W] (non-zero = foreground). labels: caller-allocated int32 [H, W], receives 0 for the
   background and i for component i. *count: components including the background; *stats: malloc'd int32
   [count, 5] (left, top, width, height, area; row 0 is the background); *centroids: malloc'd float64 [count, 2]
   (x, y). Free both with WcMemory_free. */
WC_API int32_t WcImage_connected_components(const WcImage* mask, int32_t connectivity, const WcImage* labels,
                                            int64_t* count, int32_t** stats, double** centroids);

#ifdef __cplusplus
}
#endif
#endif

/* flow: dense optical flow (OpenCV's DIS and Farnebäck estimators).
   The result is written to a caller-allocated float32 [2, H, W] buffer (u plane, then v plane) in pixels on
   the TARGET grid, such that target(p) ≈ neighbour(p + flow(p)): backward-warping flow (OpenCV's
   calc(prev = target, next = neighbour)). Inputs are uint8 [H, W] grey or [H, W, 3] RGB images of one size. */
#ifndef WECLICK_FLOW_H
#define WECLICK_FLOW_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* preset: 0 ultrafast, 1 fast, 2 medium (cv::DISOpticalFlow::PRESET_*). */
WC_API int32_t WcFlow_dis(const WcImage* target, const WcImage* neighbour, int32_t preset, float* flow);
WC_API int32_t WcFlow_farneback(const WcImage* target, const WcImage* neighbour, double pyramid_scale, int32_t levels,
                                int32_t window_size, int32_t iterations, int32_t poly_n, double poly_sigma, float* flow);

#ifdef __cplusplus
}
#endif
#endif

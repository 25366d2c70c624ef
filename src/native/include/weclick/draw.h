/* draw: drawing in place on a uint8 [H, W, C] or [H, W] image. color has one value per channel (up to 4).
   antialias 0 draws hard 8-connected edges (exact label maps); 1 draws smooth edges. */
#ifndef WECLICK_DRAW_H
#define WECLICK_DRAW_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

/* xy: points (x0, y0, x1, y1, ...), at least 3. */
WC_API int32_t WcDraw_fill_poly(const WcImage* image, const int32_t* xy, int64_t points, const double* color, int64_t channels,
                                int32_t antialias);
/* thickness < 0: filled. */
WC_API int32_t WcDraw_ellipse(const WcImage* image, double cx, double cy, double axis_x, double axis_y, double angle_degrees,
                              const double* color, int64_t channels, int32_t thickness, int32_t antialias);
WC_API int32_t WcDraw_line(const WcImage* image, double x1, double y1, double x2, double y2, const double* color, int64_t channels,
                           int32_t thickness, int32_t antialias);

#ifdef __cplusplus
}
#endif
#endif

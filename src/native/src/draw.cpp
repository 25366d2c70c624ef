// draw: polygons, ellipses and lines drawn in place (include/weclick/draw.h).
#include "common.h"

#include <opencv2/imgproc.hpp>

#include <vector>

namespace
{
cv::Scalar scalar_color(const double* color, int64_t channels)
{
    if (color == nullptr || channels < 1 || channels > 4)
    {
        throw std::invalid_argument("a colour needs 1 to 4 values");
    }
    cv::Scalar result(0, 0, 0, 0);
    for (int64_t i = 0; i < channels; ++i)
    {
        result[static_cast<int>(i)] = color[i];
    }
    return result;
}

cv::Mat drawable(const WcImage* image, const char* what)
{
    cv::Mat mat = wc::as_mat(image, what);
    if (image->depth != WC_DEPTH_U8)
    {
        throw std::invalid_argument("drawing needs a uint8 image");
    }
    return mat;
}

int line_type(int32_t antialias) { return antialias != 0 ? cv::LINE_AA : cv::LINE_8; }
} // namespace

extern "C" {

int32_t WcDraw_fill_poly(const WcImage* image, const int32_t* xy, int64_t points, const double* color, int64_t channels, int32_t antialias)
{
    WC_TRY(
        cv::Mat target = drawable(image, "fill_poly");
        if (points < 3 || xy == nullptr) { throw std::invalid_argument("fill_poly: a polygon needs at least 3 points"); }
        std::vector<cv::Point> polygon;
        for (int64_t i = 0; i < points; ++i) { polygon.emplace_back(xy[2 * i], xy[2 * i + 1]); }
        std::vector<std::vector<cv::Point>> polygons{polygon};
        cv::fillPoly(target, polygons, scalar_color(color, channels), line_type(antialias)))
}

int32_t WcDraw_ellipse(const WcImage* image, double cx, double cy, double axis_x, double axis_y, double angle_degrees,
                       const double* color, int64_t channels, int32_t thickness, int32_t antialias)
{
    WC_TRY(
        cv::Mat target = drawable(image, "ellipse");
        cv::ellipse(target, cv::Point(cvRound(cx), cvRound(cy)), cv::Size(cvRound(axis_x), cvRound(axis_y)), angle_degrees, 0, 360,
                    scalar_color(color, channels), thickness < 0 ? cv::FILLED : thickness, line_type(antialias)))
}

int32_t WcDraw_line(const WcImage* image, double x1, double y1, double x2, double y2, const double* color, int64_t channels,
                    int32_t thickness, int32_t antialias)
{
    WC_TRY(
        cv::Mat target = drawable(image, "line");
        if (thickness < 1) { throw std::invalid_argument("line: the thickness must be positive"); }
        cv::line(target, cv::Point(cvRound(x1), cvRound(y1)), cv::Point(cvRound(x2), cvRound(y2)), scalar_color(color, channels), thickness,
                 line_type(antialias)))
}

} // extern "C"

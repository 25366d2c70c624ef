// flow: dense optical flow, DIS and Farnebäck (include/weclick/flow.h).
#include "common.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace
{
// Grey uint8 Mat for the estimators (RGB frames are converted with BT.601 weights).
cv::Mat grey_frame(const WcImage* image, const char* what)
{
    cv::Mat mat = wc::as_mat(image, what);
    if (image->depth != WC_DEPTH_U8)
    {
        throw std::invalid_argument("optical flow needs uint8 images");
    }
    if (image->channels == 1)
    {
        return mat;
    }
    if (image->channels != 3)
    {
        throw std::invalid_argument("optical flow needs grey [H, W] or RGB [H, W, 3] images, got " + std::to_string(image->channels) + " channels");
    }
    cv::Mat grey;
    cv::cvtColor(mat, grey, cv::COLOR_RGB2GRAY);
    return grey;
}

void require_same_size(const WcImage* a, const WcImage* b)
{
    if (a->height != b->height || a->width != b->width)
    {
        throw std::invalid_argument("optical flow: the two frames differ in size");
    }
}

// OpenCV's interleaved [H, W, 2] flow → the caller's planar [2, H, W] buffer (u plane, then v plane).
void write_planes(const cv::Mat& flow, float* out)
{
    if (out == nullptr)
    {
        throw std::invalid_argument("optical flow: the output buffer is null");
    }
    cv::Mat planes[2] = {cv::Mat(flow.rows, flow.cols, CV_32F, out),
                         cv::Mat(flow.rows, flow.cols, CV_32F, out + static_cast<size_t>(flow.rows) * flow.cols)};
    cv::split(flow, planes);
}
} // namespace

extern "C" {

int32_t WcFlow_dis(const WcImage* target, const WcImage* neighbour, int32_t preset, float* flow)
{
    WC_TRY(
        cv::Mat t = grey_frame(target, "flow_dis target");
        cv::Mat n = grey_frame(neighbour, "flow_dis neighbour");
        require_same_size(target, neighbour);
        if (preset < 0 || preset > 2) { throw std::invalid_argument("DIS preset must be 0 (ultrafast), 1 (fast) or 2 (medium)"); }
        auto dis = cv::DISOpticalFlow::create(preset);
        cv::Mat result;
        dis->calc(t, n, result);
        write_planes(result, flow))
}

int32_t WcFlow_farneback(const WcImage* target, const WcImage* neighbour, double pyramid_scale, int32_t levels, int32_t window_size,
                         int32_t iterations, int32_t poly_n, double poly_sigma, float* flow)
{
    WC_TRY(
        cv::Mat t = grey_frame(target, "flow_farneback target");
        cv::Mat n = grey_frame(neighbour, "flow_farneback neighbour");
        require_same_size(target, neighbour);
        if (pyramid_scale <= 0 || pyramid_scale >= 1 || levels < 1 || window_size < 3 || iterations < 1 || (poly_n != 5 && poly_n != 7) || poly_sigma <= 0)
        {
            throw std::invalid_argument("Farneback: need 0 < pyramid_scale < 1, levels >= 1, window_size >= 3, iterations >= 1, poly_n 5 or 7, poly_sigma > 0");
        }
        cv::Mat result;
        cv::calcOpticalFlowFarneback(t, n, result, pyramid_scale, levels, window_size, iterations, poly_n, poly_sigma, 0);
        write_planes(result, flow))
}

} // extern "C"

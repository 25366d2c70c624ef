// video: reading and writing video files through OpenCV's VideoCapture/VideoWriter (include/weclick/video.h).
#include "common.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace
{
struct Video
{
    cv::VideoCapture capture;
    std::string path;
};

struct Writer
{
    cv::VideoWriter writer;
    cv::Size size;
};

Video& V(WcVideo handle)
{
    if (handle == nullptr)
    {
        throw std::invalid_argument("the video is closed");
    }
    return *reinterpret_cast<Video*>(handle);
}
} // namespace

extern "C" {

int32_t WcVideo_open(const char* path, WcVideo* out)
{
    WC_TRY(
        wc::require_readable_file(path);
        auto video = std::make_unique<Video>();
        video->path = path;
        if (!video->capture.open(path) || !video->capture.isOpened())
        {
            throw std::runtime_error("could not open " + wc::quoted(path) + " as a video (unknown format, or no decoder)");
        }
        *out = reinterpret_cast<WcVideo>(video.release()))
}

int32_t WcVideo_info(WcVideo video, double* fps, int64_t* frame_count, int64_t* width, int64_t* height)
{
    WC_TRY(
        auto& v = V(video);
        *fps = v.capture.get(cv::CAP_PROP_FPS);
        *frame_count = static_cast<int64_t>(v.capture.get(cv::CAP_PROP_FRAME_COUNT));
        *width = static_cast<int64_t>(v.capture.get(cv::CAP_PROP_FRAME_WIDTH));
        *height = static_cast<int64_t>(v.capture.get(cv::CAP_PROP_FRAME_HEIGHT)))
}

int32_t WcVideo_read(WcVideo video, WcImage* frame)
{
    WC_TRY(
        auto& v = V(video);
        if (frame == nullptr) { throw std::invalid_argument("read: the output argument is null"); }
        cv::Mat bgr;
        if (!v.capture.read(bgr) || bgr.empty())
        {
            *frame = WcImage{nullptr, 0, 0, 3, WC_DEPTH_U8, 0};
            return WC_OK;
        }
        wc::OwnedImage image(bgr.rows, bgr.cols, 3, WC_DEPTH_U8);
        cv::cvtColor(bgr, image.mat, bgr.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
        image.give(frame))
}

void WcVideo_dispose(WcVideo video)
{
    delete reinterpret_cast<Video*>(video);
}

int32_t WcVideoWriter_open(const char* path, const char* fourcc, double fps, int64_t width, int64_t height, WcVideoWriter* out)
{
    WC_TRY(
        if (path == nullptr) { throw std::invalid_argument("the video path is null"); }
        if (fourcc == nullptr || std::strlen(fourcc) != 4) { throw std::invalid_argument("a video codec is four characters, e.g. MJPG"); }
        if (fps <= 0 || width < 1 || height < 1) { throw std::invalid_argument("video fps and size must be positive"); }
        auto w = std::make_unique<Writer>();
        w->size = cv::Size(static_cast<int>(width), static_cast<int>(height));
        int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
        if (!w->writer.open(path, code, fps, w->size, true) || !w->writer.isOpened())
        {
            throw std::runtime_error("could not open " + wc::quoted(path) + " for writing with codec " + fourcc +
                                     " (unknown container or codec, or the folder is missing)");
        }
        *out = reinterpret_cast<WcVideoWriter>(w.release()))
}

int32_t WcVideoWriter_write(WcVideoWriter writer, const WcImage* frame)
{
    WC_TRY(
        if (writer == nullptr) { throw std::invalid_argument("the video writer is closed"); }
        auto& w = *reinterpret_cast<Writer*>(writer);
        cv::Mat rgb = wc::as_mat(frame, "video write");
        if (frame->depth != WC_DEPTH_U8 || frame->channels != 3 || frame->height != w.size.height || frame->width != w.size.width)
        {
            throw std::invalid_argument("video frames must be uint8 [" + std::to_string(w.size.height) + ", " + std::to_string(w.size.width) + ", 3]");
        }
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        w.writer.write(bgr))
}

void WcVideoWriter_dispose(WcVideoWriter writer)
{
    delete reinterpret_cast<Writer*>(writer);
}

} // extern "C"

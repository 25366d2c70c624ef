// vision: OpenCV images, resizing, colour, connected components, drawing and video (include/weclick/vision.h).
#include "common.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>
#include <opencv2/videoio.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <vector>

using wc::T;

namespace
{
struct Video
{
    cv::VideoCapture capture;
    std::string path;
};

std::string quoted(const char* path) { return std::string("'") + (path != nullptr ? path : "(null)") + "'"; }

void require_readable_file(const char* path)
{
    struct stat info;
    if (path == nullptr || stat(path, &info) != 0)
    {
        throw std::runtime_error("file not found: " + quoted(path));
    }
    if (S_ISDIR(info.st_mode))
    {
        throw std::runtime_error(quoted(path) + " is a folder, not an image file");
    }
}

int mat_depth(at::ScalarType type)
{
    switch (type)
    {
    case at::kByte: return CV_8U;
    case at::kFloat: return CV_32F;
    case at::kInt: return CV_32S;
    default: throw std::invalid_argument(std::string("images must be uint8, float32 or int32, not ") + c10::toString(type));
    }
}

// A cv::Mat header over a contiguous CPU tensor [H, W] or [H, W, C] (C <= 4); no copy.
cv::Mat as_mat(at::Tensor& t)
{
    if (!t.device().is_cpu() || !t.is_contiguous())
    {
        throw std::invalid_argument("images must be contiguous CPU tensors");
    }
    if (t.dim() != 2 && t.dim() != 3)
    {
        throw std::invalid_argument("images must be [H, W] or [H, W, C] tensors, got " + std::to_string(t.dim()) + " dimensions");
    }
    int channels = t.dim() == 3 ? static_cast<int>(t.size(2)) : 1;
    if (channels < 1 || channels > 4)
    {
        throw std::invalid_argument("images must have 1 to 4 channels, got " + std::to_string(channels));
    }
    return cv::Mat(static_cast<int>(t.size(0)), static_cast<int>(t.size(1)), CV_MAKETYPE(mat_depth(t.scalar_type()), channels), t.data_ptr());
}

at::ScalarType tensor_type(int depth)
{
    switch (depth)
    {
    case CV_8U: return at::kByte;
    case CV_32F: return at::kFloat;
    case CV_32S: return at::kInt;
    case CV_64F: return at::kDouble;
    default: throw std::invalid_argument("unsupported OpenCV depth " + std::to_string(depth));
    }
}

// A tensor over a continuous cv::Mat's memory; the Mat (reference-counted) lives as long as the tensor.
at::Tensor from_mat(const cv::Mat& mat)
{
    cv::Mat continuous = mat.isContinuous() ? mat : mat.clone();
    auto* holder = new cv::Mat(continuous);
    std::vector<int64_t> sizes{holder->rows, holder->cols};
    if (holder->channels() > 1)
    {
        sizes.push_back(holder->channels());
    }
    return at::from_blob(holder->data, sizes, [holder](void*) { delete holder; }, at::TensorOptions().dtype(tensor_type(holder->depth())));
}

// A new tensor with the given shape, and a Mat header over it.
at::Tensor new_image(int64_t height, int64_t width, int64_t channels, at::ScalarType type)
{
    return channels == 1 ? at::empty({height, width}, at::TensorOptions().dtype(type))
                         : at::empty({height, width, channels}, at::TensorOptions().dtype(type));
}

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

cv::Mat drawable(at::Tensor& t)
{
    if (t.scalar_type() != at::kByte)
    {
        throw std::invalid_argument("drawing needs a uint8 image");
    }
    return as_mat(t);
}

// Grey uint8 Mat for the flow estimators; the two frames must have one size.
cv::Mat grey_frame(at::Tensor& t)
{
    if (t.scalar_type() != at::kByte)
    {
        throw std::invalid_argument("optical flow needs uint8 images");
    }
    cv::Mat mat = as_mat(t);
    if (mat.channels() == 1)
    {
        return mat;
    }
    cv::Mat grey;
    cv::cvtColor(mat, grey, cv::COLOR_RGB2GRAY);
    return grey;
}

// OpenCV's [H, W, 2] flow → a new [2, H, W] float32 tensor.
at::Tensor flow_tensor(const cv::Mat& flow)
{
    return from_mat(flow).permute({2, 0, 1}).contiguous();
}

void require_same_size(const at::Tensor& a, const at::Tensor& b)
{
    if (a.size(0) != b.size(0) || a.size(1) != b.size(1))
    {
        throw std::invalid_argument("optical flow: the two frames differ in size");
    }
}

int line_type(int32_t antialias) { return antialias != 0 ? cv::LINE_AA : cv::LINE_8; }

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

int32_t WcCv_imread(const char* path, int32_t mode, WcTensor* out)
{
    WC_TRY(
        require_readable_file(path);
        if (mode < 0 || mode > 2) { throw std::invalid_argument("unknown read mode " + std::to_string(mode)); }
        // (cv::IMREAD_UNCHANGED is -1, so it cannot double as an "unknown" marker.)
        int flags = mode == 0 ? cv::IMREAD_COLOR : mode == 1 ? cv::IMREAD_UNCHANGED : cv::IMREAD_GRAYSCALE;
        cv::Mat mat = cv::imread(path, flags);
        if (mat.empty()) { throw std::runtime_error("could not decode " + quoted(path) + " as an image (not an image file, or truncated)"); }
        if (mode == 0)
        {
            auto image = new_image(mat.rows, mat.cols, 3, at::kByte);
            cv::Mat target = as_mat(image);
            cv::cvtColor(mat, target, cv::COLOR_BGR2RGB);
            *out = wc::wrap(image);
            return WC_OK;
        }
        if (mat.channels() != 1)
        {
            throw std::runtime_error(quoted(path) + " has " + std::to_string(mat.channels()) + " channels; a label or mask file must have one");
        }
        if (mat.depth() == CV_16U)
        {
            auto image = new_image(mat.rows, mat.cols, 1, at::kInt);
            cv::Mat target = as_mat(image);
            mat.convertTo(target, CV_32S);
            *out = wc::wrap(image);
            return WC_OK;
        }
        if (mat.depth() != CV_8U)
        {
            throw std::runtime_error(quoted(path) + " has an unsupported bit depth (OpenCV depth " + std::to_string(mat.depth()) + "); expected 8 or 16 bits");
        }
        *out = wc::wrap(from_mat(mat)))
}

namespace
{
// The cv::Mat imwrite/imencode take for a tensor: int32 maps as 16-bit, RGB as BGR, anything else as laid out.
cv::Mat encodable(at::Tensor& t)
{
    cv::Mat source;
    if (t.scalar_type() == at::kInt)
    {
        if (t.dim() != 2) { throw std::invalid_argument("int32 images must be single-channel [H, W]"); }
        if (t.numel() > 0 && (t.min().item<int64_t>() < 0 || t.max().item<int64_t>() > 65535))
        {
            throw std::invalid_argument("int32 images are written as 16-bit: values must be in [0, 65535]");
        }
        as_mat(t).convertTo(source, CV_16U);
    }
    else if (t.dim() == 3 && t.size(2) == 3)
    {
        cv::cvtColor(as_mat(t), source, cv::COLOR_RGB2BGR);
    }
    else
    {
        source = as_mat(t);
    }
    return source;
}
} // namespace

int32_t WcCv_imwrite(const char* path, WcTensor image)
{
    WC_TRY(
        auto t = T(image).contiguous();
        cv::Mat source = encodable(t);
        if (!cv::imwrite(path, source))
        {
            throw std::runtime_error("could not write " + quoted(path) + " (does the folder exist and is it writable?)");
        })
}

int32_t WcCv_imencode(WcTensor image, const char* extension, uint8_t** out, int64_t* length)
{
    WC_TRY(
        if (extension == nullptr || extension[0] != '.') { throw std::invalid_argument("imencode: the extension must start with '.', e.g. \".png\""); }
        auto t = T(image).contiguous();
        cv::Mat source = encodable(t);
        std::vector<uchar> bytes;
        if (!cv::imencode(extension, source, bytes))
        {
            throw std::runtime_error(std::string("imencode: could not encode the image as ") + extension);
        }
        auto* buffer = static_cast<uint8_t*>(std::malloc(bytes.empty() ? 1 : bytes.size()));
        if (buffer == nullptr) { throw std::bad_alloc(); }
        std::memcpy(buffer, bytes.data(), bytes.size());
        *out = buffer;
        *length = static_cast<int64_t>(bytes.size()))
}

int32_t WcCv_resize(WcTensor image, int64_t height, int64_t width, int32_t interpolation, WcTensor* out)
{
    WC_TRY(
        auto source = T(image).contiguous();
        if (height < 1 || width < 1) { throw std::invalid_argument("resize: the size must be positive"); }
        int flag = interpolation == 0 ? cv::INTER_NEAREST : interpolation == 1 ? cv::INTER_LINEAR
                 : interpolation == 2 ? cv::INTER_AREA : interpolation == 3 ? cv::INTER_CUBIC : -1;
        if (flag == -1) { throw std::invalid_argument("resize: unknown interpolation " + std::to_string(interpolation)); }
        if (source.scalar_type() == at::kInt && flag != cv::INTER_NEAREST)
        {
            throw std::invalid_argument("resize: int32 maps (labels, instance ids) can only be resized with nearest interpolation");
        }
        auto result = new_image(height, width, source.dim() == 3 ? source.size(2) : 1, source.scalar_type());
        cv::Mat target = as_mat(result);
        cv::resize(as_mat(source), target, cv::Size(static_cast<int>(width), static_cast<int>(height)), 0, 0, flag);
        *out = wc::wrap(result))
}

int32_t WcCv_cvt_color(WcTensor image, int32_t code, WcTensor* out)
{
    WC_TRY(
        auto source = T(image).contiguous();
        cv::Mat result;
        cv::cvtColor(as_mat(source), result, code);
        *out = wc::wrap(from_mat(result)))
}

int32_t WcCv_add_noise(WcTensor image, double sigma, uint64_t seed, WcTensor* out)
{
    WC_TRY(
        auto source = T(image).contiguous();
        if (sigma < 0) { throw std::invalid_argument("add_noise: sigma must be non-negative"); }
        cv::Mat input = as_mat(source);
        cv::Mat noise(input.size(), CV_MAKETYPE(CV_32F, input.channels()));
        cv::RNG rng(seed);
        rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
        auto result = at::empty_like(source);
        cv::Mat target = as_mat(result);
        cv::Mat sum;
        input.convertTo(sum, CV_32F);
        sum += noise;
        sum.convertTo(target, input.depth()); // saturates for uint8
        *out = wc::wrap(result))
}

int32_t WcCv_gaussian_blur(WcTensor image, int64_t kernel_size, double sigma, WcTensor* out)
{
    WC_TRY(
        auto source = T(image).contiguous();
        if (kernel_size < 1 || kernel_size % 2 == 0) { throw std::invalid_argument("gaussian_blur: the kernel size must be odd and positive"); }
        auto result = at::empty_like(source);
        cv::Mat target = as_mat(result);
        cv::GaussianBlur(as_mat(source), target, cv::Size(static_cast<int>(kernel_size), static_cast<int>(kernel_size)), sigma, sigma, cv::BORDER_REFLECT101);
        *out = wc::wrap(result))
}

int32_t WcCv_connected_components(WcTensor mask, int32_t connectivity, WcTensor* labels, WcTensor* stats, WcTensor* centroids)
{
    WC_TRY(
        auto source = T(mask).contiguous();
        if (source.scalar_type() != at::kByte || source.dim() != 2) { throw std::invalid_argument("connected_components: the mask must be uint8 [H, W]"); }
        if (connectivity != 4 && connectivity != 8) { throw std::invalid_argument("connected_components: connectivity must be 4 or 8"); }
        auto label_map = new_image(source.size(0), source.size(1), 1, at::kInt);
        cv::Mat label_mat = as_mat(label_map);
        cv::Mat stat_mat;
        cv::Mat centroid_mat;
        cv::connectedComponentsWithStats(as_mat(source), label_mat, stat_mat, centroid_mat, connectivity, CV_32S);
        *labels = wc::wrap(label_map);
        *stats = wc::wrap(from_mat(stat_mat));
        *centroids = wc::wrap(from_mat(centroid_mat)))
}

int32_t WcCv_flow_dis(WcTensor target, WcTensor neighbour, int32_t preset, WcTensor* out)
{
    WC_TRY(
        auto t = T(target).contiguous();
        auto n = T(neighbour).contiguous();
        require_same_size(t, n);
        if (preset < 0 || preset > 2) { throw std::invalid_argument("DIS preset must be 0 (ultrafast), 1 (fast) or 2 (medium)"); }
        auto dis = cv::DISOpticalFlow::create(preset);
        cv::Mat flow;
        dis->calc(grey_frame(t), grey_frame(n), flow);
        *out = wc::wrap(flow_tensor(flow)))
}

int32_t WcCv_flow_farneback(WcTensor target, WcTensor neighbour, double pyramid_scale, int32_t levels, int32_t window_size,
                            int32_t iterations, int32_t poly_n, double poly_sigma, WcTensor* out)
{
    WC_TRY(
        auto t = T(target).contiguous();
        auto n = T(neighbour).contiguous();
        require_same_size(t, n);
        if (pyramid_scale <= 0 || pyramid_scale >= 1 || levels < 1 || window_size < 3 || iterations < 1 || (poly_n != 5 && poly_n != 7) || poly_sigma <= 0)
        {
            throw std::invalid_argument("Farneback: need 0 < pyramid_scale < 1, levels >= 1, window_size >= 3, iterations >= 1, poly_n 5 or 7, poly_sigma > 0");
        }
        cv::Mat flow;
        cv::calcOpticalFlowFarneback(grey_frame(t), grey_frame(n), flow, pyramid_scale, levels, window_size, iterations, poly_n, poly_sigma, 0);
        *out = wc::wrap(flow_tensor(flow)))
}

int32_t WcCv_fill_poly(WcTensor image, const int32_t* xy, int64_t points, const double* color, int64_t channels, int32_t antialias)
{
    WC_TRY(
        cv::Mat target = drawable(T(image));
        if (points < 3) { throw std::invalid_argument("fill_poly: a polygon needs at least 3 points"); }
        std::vector<cv::Point> polygon;
        for (int64_t i = 0; i < points; ++i) { polygon.emplace_back(xy[2 * i], xy[2 * i + 1]); }
        std::vector<std::vector<cv::Point>> polygons{polygon};
        cv::fillPoly(target, polygons, scalar_color(color, channels), line_type(antialias)))
}

int32_t WcCv_ellipse(WcTensor image, double cx, double cy, double axis_x, double axis_y, double angle_degrees,
                     const double* color, int64_t channels, int32_t thickness, int32_t antialias)
{
    WC_TRY(
        cv::Mat target = drawable(T(image));
        cv::ellipse(target, cv::Point(cvRound(cx), cvRound(cy)), cv::Size(cvRound(axis_x), cvRound(axis_y)), angle_degrees, 0, 360,
                    scalar_color(color, channels), thickness < 0 ? cv::FILLED : thickness, line_type(antialias)))
}

int32_t WcCv_line(WcTensor image, double x1, double y1, double x2, double y2, const double* color, int64_t channels,
                  int32_t thickness, int32_t antialias)
{
    WC_TRY(
        cv::Mat target = drawable(T(image));
        if (thickness < 1) { throw std::invalid_argument("line: the thickness must be positive"); }
        cv::line(target, cv::Point(cvRound(x1), cvRound(y1)), cv::Point(cvRound(x2), cvRound(y2)), scalar_color(color, channels), thickness, line_type(antialias)))
}

int32_t WcVideo_open(const char* path, WcVideo* out)
{
    WC_TRY(
        require_readable_file(path);
        auto video = std::make_unique<Video>();
        video->path = path;
        if (!video->capture.open(path) || !video->capture.isOpened())
        {
            throw std::runtime_error("could not open " + quoted(path) + " as a video (unknown format, or no decoder)");
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

int32_t WcVideo_read(WcVideo video, WcTensor* frame)
{
    WC_TRY(
        auto& v = V(video);
        cv::Mat bgr;
        if (!v.capture.read(bgr) || bgr.empty())
        {
            *frame = nullptr;
            return WC_OK;
        }
        auto image = new_image(bgr.rows, bgr.cols, 3, at::kByte);
        cv::Mat target = as_mat(image);
        cv::cvtColor(bgr, target, bgr.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
        *frame = wc::wrap(image))
}

void WcVideo_dispose(WcVideo video)
{
    delete reinterpret_cast<Video*>(video);
}

int32_t WcVideoWriter_open(const char* path, const char* fourcc, double fps, int64_t width, int64_t height, WcVideoWriter* out)
{
    WC_TRY(
        if (fourcc == nullptr || std::strlen(fourcc) != 4) { throw std::invalid_argument("a video codec is four characters, e.g. MJPG"); }
        if (fps <= 0 || width < 1 || height < 1) { throw std::invalid_argument("video fps and size must be positive"); }
        auto w = std::make_unique<Writer>();
        w->size = cv::Size(static_cast<int>(width), static_cast<int>(height));
        int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
        if (!w->writer.open(path, code, fps, w->size, true) || !w->writer.isOpened())
        {
            throw std::runtime_error("could not open " + quoted(path) + " for writing with codec " + fourcc + " (unknown container or codec, or the folder is missing)");
        }
        *out = reinterpret_cast<WcVideoWriter>(w.release()))
}

int32_t WcVideoWriter_write(WcVideoWriter writer, WcTensor frame)
{
    WC_TRY(
        if (writer == nullptr) { throw std::invalid_argument("the video writer is closed"); }
        auto& w = *reinterpret_cast<Writer*>(writer);
        auto t = T(frame).contiguous();
        if (t.scalar_type() != at::kByte || t.dim() != 3 || t.size(2) != 3 || t.size(0) != w.size.height || t.size(1) != w.size.width)
        {
            throw std::invalid_argument("video frames must be uint8 [" + std::to_string(w.size.height) + ", " + std::to_string(w.size.width) + ", 3]");
        }
        cv::Mat bgr;
        cv::cvtColor(as_mat(t), bgr, cv::COLOR_RGB2BGR);
        w.writer.write(bgr))
}

void WcVideoWriter_dispose(WcVideoWriter writer)
{
    delete reinterpret_cast<Writer*>(writer);
}

} // extern "C"

// image: image files, resizing, colour conversion, noise, blur and connected components (include/weclick/image.h).
#include "common.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace
{
// The cv::Mat imwrite/imencode take for an image: int32 maps as 16-bit, RGB as BGR, anything else as laid out.
cv::Mat encodable(const WcImage* image, const char* what)
{
    cv::Mat mat = wc::as_mat(image, what);
    cv::Mat source;
    if (image->depth == WC_DEPTH_I32)
    {
        if (image->channels != 1) { throw std::invalid_argument(std::string(what) + ": int32 images must be single-channel [H, W]"); }
        if (!mat.empty())
        {
            double low = 0;
            double high = 0;
            cv::minMaxLoc(mat, &low, &high);
            if (low < 0 || high > 65535)
            {
                throw std::invalid_argument(std::string(what) + ": int32 images are written as 16-bit: values must be in [0, 65535], got [" +
                                            std::to_string(static_cast<int64_t>(low)) + ", " + std::to_string(static_cast<int64_t>(high)) + "]");
            }
        }
        mat.convertTo(source, CV_16U);
    }
    else if (image->channels == 3)
    {
        cv::cvtColor(mat, source, cv::COLOR_RGB2BGR);
    }
    else
    {
        source = mat;
    }
    return source;
}

int interpolation_flag(int32_t interpolation)
{
    switch (interpolation)
    {
    case 0: return cv::INTER_NEAREST;
    case 1: return cv::INTER_LINEAR;
    case 2: return cv::INTER_AREA;
    case 3: return cv::INTER_CUBIC;
    default: throw std::invalid_argument("resize: unknown interpolation " + std::to_string(interpolation));
    }
}
} // namespace

extern "C" {

int32_t WcImage_read(const char* path, int32_t mode, WcImage* out)
{
    WC_TRY(
        wc::require_readable_file(path);
        if (mode < 0 || mode > 2) { throw std::invalid_argument("unknown read mode " + std::to_string(mode)); }
        // (cv::IMREAD_UNCHANGED is -1, so it cannot double as an "unknown" marker.)
        int flags = mode == 0 ? cv::IMREAD_COLOR : mode == 1 ? cv::IMREAD_UNCHANGED : cv::IMREAD_GRAYSCALE;
        cv::Mat mat = cv::imread(path, flags);
        if (mat.empty()) { throw std::runtime_error("could not decode " + wc::quoted(path) + " as an image (not an image file, or truncated)"); }
        if (mode == 0)
        {
            wc::OwnedImage image(mat.rows, mat.cols, 3, WC_DEPTH_U8);
            cv::cvtColor(mat, image.mat, cv::COLOR_BGR2RGB);
            image.give(out);
            return WC_OK;
        }
        if (mat.channels() != 1)
        {
            throw std::runtime_error(wc::quoted(path) + " has " + std::to_string(mat.channels()) + " channels; a label or mask file must have one");
        }
        if (mat.depth() == CV_16U)
        {
            // int32, not uint16: labels and instance ids keep one integer type through the pipeline.
            wc::OwnedImage image(mat.rows, mat.cols, 1, WC_DEPTH_I32);
            mat.convertTo(image.mat, CV_32S);
            image.give(out);
            return WC_OK;
        }
        if (mat.depth() != CV_8U)
        {
            throw std::runtime_error(wc::quoted(path) + " has an unsupported bit depth (OpenCV depth " + std::to_string(mat.depth()) + "); expected 8 or 16 bits");
        }
        wc::give_copy(mat, out))
}

int32_t WcImage_write(const char* path, const WcImage* image)
{
    WC_TRY(
        if (path == nullptr) { throw std::invalid_argument("write: the path is null"); }
        cv::Mat source = encodable(image, "write");
        if (!cv::imwrite(path, source))
        {
            throw std::runtime_error("could not write " + wc::quoted(path) + " (does the folder exist and is it writable?)");
        })
}

int32_t WcImage_encode(const WcImage* image, const char* extension, uint8_t** out, int64_t* length)
{
    WC_TRY(
        if (extension == nullptr || extension[0] != '.') { throw std::invalid_argument("imencode: the extension must start with '.', e.g. \".png\""); }
        cv::Mat source = encodable(image, "imencode");
        std::vector<uchar> bytes;
        if (!cv::imencode(extension, source, bytes))
        {
            throw std::runtime_error(std::string("imencode: could not encode the image as ") + extension);
        }
        wc::Buffer buffer(bytes.size());
        std::memcpy(buffer.get(), bytes.data(), bytes.size());
        *length = static_cast<int64_t>(bytes.size());
        *out = static_cast<uint8_t*>(buffer.release()))
}

int32_t WcImage_resize(const WcImage* image, const WcImage* out, int32_t interpolation)
{
    WC_TRY(
        cv::Mat source = wc::as_mat(image, "resize");
        int flag = interpolation_flag(interpolation);
        if (image->depth == WC_DEPTH_I32 && flag != cv::INTER_NEAREST)
        {
            throw std::invalid_argument("resize: int32 maps (labels, instance ids) can only be resized with nearest interpolation");
        }
        if (out == nullptr || out->height < 1 || out->width < 1) { throw std::invalid_argument("resize: the size must be positive"); }
        cv::Mat target = wc::as_output(out, out->height, out->width, image->channels, image->depth, "resize");
        cv::resize(source, target, target.size(), 0, 0, flag);
        if (target.data != out->data) { throw std::logic_error("resize: OpenCV reallocated the output"); })
}

int32_t WcImage_cvt_color(const WcImage* image, int32_t code, WcImage* out)
{
    WC_TRY(
        cv::Mat result;
        cv::cvtColor(wc::as_mat(image, "cvt_color"), result, code);
        wc::give_copy(result, out))
}

int32_t WcImage_add_noise(const WcImage* image, double sigma, uint64_t seed, const WcImage* out)
{
    WC_TRY(
        cv::Mat input = wc::as_mat(image, "add_noise");
        if (sigma < 0) { throw std::invalid_argument("add_noise: sigma must be non-negative"); }
        cv::Mat target = wc::as_output(out, image->height, image->width, image->channels, image->depth, "add_noise");
        cv::Mat noise(input.size(), CV_MAKETYPE(CV_32F, input.channels()));
        cv::RNG rng(seed);
        rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
        cv::Mat sum;
        input.convertTo(sum, CV_32F);
        sum += noise;
        sum.convertTo(target, input.depth()); // saturates for uint8
        if (target.data != out->data) { throw std::logic_error("add_noise: OpenCV reallocated the output"); })
}

int32_t WcImage_gaussian_blur(const WcImage* image, int64_t kernel_size, double sigma, const WcImage* out)
{
    WC_TRY(
        cv::Mat source = wc::as_mat(image, "gaussian_blur");
        if (kernel_size < 1 || kernel_size % 2 == 0) { throw std::invalid_argument("gaussian_blur: the kernel size must be odd and positive"); }
        cv::Mat target = wc::as_output(out, image->height, image->width, image->channels, image->depth, "gaussian_blur");
        int k = static_cast<int>(kernel_size);
        cv::GaussianBlur(source, target, cv::Size(k, k), sigma, sigma, cv::BORDER_REFLECT101);
        if (target.data != out->data) { throw std::logic_error("gaussian_blur: OpenCV reallocated the output"); })
}

int32_t WcImage_connected_components(const WcImage* mask, int32_t connectivity, const WcImage* labels,
                                     int64_t* count, int32_t** stats, double** centroids)
{
    WC_TRY(
        cv::Mat source = wc::as_mat(mask, "connected_components");
        if (mask->depth != WC_DEPTH_U8 || mask->channels != 1) { throw std::invalid_argument("connected_components: the mask must be uint8 [H, W]"); }
        if (connectivity != 4 && connectivity != 8) { throw std::invalid_argument("connected_components: connectivity must be 4 or 8"); }
        cv::Mat label_mat = wc::as_output(labels, mask->height, mask->width, 1, WC_DEPTH_I32, "connected_components");
        cv::Mat stat_mat;
        cv::Mat centroid_mat;
        int n = cv::connectedComponentsWithStats(source, label_mat, stat_mat, centroid_mat, connectivity, CV_32S);
        if (label_mat.data != labels->data) { throw std::logic_error("connected_components: OpenCV reallocated the label map"); }
        wc::Buffer stat_buffer(sizeof(int32_t) * 5 * static_cast<size_t>(n));
        wc::Buffer centroid_buffer(sizeof(double) * 2 * static_cast<size_t>(n));
        cv::Mat stat_view(n, 5, CV_32S, stat_buffer.get());
        cv::Mat centroid_view(n, 2, CV_64F, centroid_buffer.get());
        stat_mat.copyTo(stat_view);
        centroid_mat.copyTo(centroid_view);
        *count = n;
        *stats = static_cast<int32_t*>(stat_buffer.release());
        *centroids = static_cast<double*>(centroid_buffer.release()))
}

} // extern "C"

/*
 * The convolution channel guard of libweclick_torchsharp_guard.so: lets libtorch 2.10's fast oneDNN convolutions run
 * on the AMD CPUs where they are wrong for some channel counts (environment.md, "AMD CPUs").
 *
 * The fault (measured on the AMD EPYC, family 26, this project is developed on; TorchSharp-cpu 0.107, libtorch 2.10,
 * oneDNN at its default AVX-512 kernels; every case compared with the same convolution in float64, which oneDNN does
 * not run). Only convolutions with groups = 1 and a kernel larger than 1×1 are ever wrong, and then:
 *   - the forward, when the input has more than 16 channels and not a multiple of 16 (17, 20, 22, 24, 28, 40, 72,
 *     88, 120 tried; off by 11-28 % of the largest output, or NaN);
 *   - the input gradient, when the output channels are not a multiple of 16 (3, 11, 17, 20, 24, 28, 40, 72, 88, 120;
 *     off by 17-67 %, or NaN).
 * The weight gradient was right in every case, as were 1×1, depthwise and grouped convolutions and every channel count
 * that is a multiple of 16; inputs of fewer than 16 channels (the 3-channel stems) were right in 160 repeated trials.
 * The NaNs and the run-to-run variation point at the channel padding of oneDNN's blocked nChw16c layout being read
 * uninitialised. python3-torch 1.13 (oneDNN 2.6) on the same machine is right everywhere.
 *
 * The remedy: pad the channels to a multiple of 16 ourselves, with zeros, so that oneDNN's blocked layout has no
 * padding left to get wrong. Zero input channels meet zero weights and add nothing; zero output filters give channels
 * that are sliced off. The padding and the slice are ordinary autograd ops, so the gradients of the input, the
 * weight and the bias are those of the unpadded convolution. oneDNN rounds the channels up to 16 inside anyway, so
 * the arithmetic is the same; the cost is one copy of the input (when its channels are padded) and of the output.
 *
 * A second fault, on the same machine and kernels: the input gradient of a 1×1 convolution with stride 2 kills the
 * process with SIGFPE (an integer division by zero in oneDNN's blocking heuristic,
 * brgemm_convolution_bwd_utils::brg_blocking_t::est_eff_1x1, for 512→1024, 1024→512 and 1024→2048 channels, at
 * every spatial size tried; these are ResNet-50/101's downsampling shortcuts). Such a convolution equals a 1×1
 * convolution with stride 1 over every s-th row and column of the input, and that one oneDNN computes. So where the
 * input needs a gradient, a strided unpadded 1×1 convolution is run as that: a strided slice (an autograd op), then
 * stride 1.
 *
 * TorchSharp's Conv2d module and torch.nn.functional.conv2d both end in THSTensor_conv2d or THSTensor_conv2d_padding,
 * so defining those two here (the guard library is what TorchSharp's "LibTorchSharp" imports resolve to) covers every
 * 2-D convolution of the process, a notebook's own included. Until weclick_conv_guard_install enables it, each call
 * goes straight to libLibTorchSharp's function. On other CPUs it is never enabled.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>

#define EXPORT __attribute__((visibility("default")))

typedef void *Tensor;

/* libLibTorchSharp's functions this file calls (resolved through the NEEDED entry). */
extern int64_t THSTensor_ndimension(const Tensor tensor);
extern int64_t THSTensor_size(const Tensor tensor, const int64_t dim);
extern int32_t THSTensor_device_type(const Tensor tensor);
extern _Bool THSTensor_requires_grad(const Tensor tensor);
extern Tensor THSTensor_slice(const Tensor tensor, int64_t dim, int64_t start, int64_t finish, int64_t step);
extern Tensor THSTensor_narrow(const Tensor tensor, int64_t dim, int64_t start, int64_t length);
extern Tensor THSTensor_contiguous(const Tensor tensor);
extern Tensor THSNN_pad(const Tensor input, const int64_t *pad, const int32_t pad_length, const int8_t mode, const double value);
extern void THSTensor_dispose(const Tensor tensor);

typedef Tensor (*conv2d_fn)(const Tensor input, const Tensor weight, const Tensor bias, const int64_t *stride,
                            const int32_t strideLength, const int64_t *padding, const int32_t paddingLength,
                            const int64_t *dilation, const int32_t dilationLength, int64_t groups);
typedef Tensor (*conv2d_padding_fn)(const Tensor input, const Tensor weight, const Tensor bias, const int64_t *stride,
                                    const int32_t strideLength, const int32_t padding, const int64_t *dilation,
                                    const int32_t dilationLength, int64_t groups);

static conv2d_fn real_conv2d;
static conv2d_padding_fn real_conv2d_padding;
static int enabled;
static uint64_t calls_total, padded_total;

enum { DEVICE_CPU = 0, PAD_CONSTANT = 4, BLOCK = 16 };

static int64_t round_up(int64_t n) { return (n + BLOCK - 1) / BLOCK * BLOCK; }

/* What a convolution needs: extra input channels, extra output channels, a stride taken by slicing the input
   instead (all 0: run it as it is). */
typedef struct {
    int64_t extra_in, extra_out, slice_h, slice_w;
} channel_padding;

static int needs_change(channel_padding p) { return p.extra_in || p.extra_out || p.slice_h || p.slice_w; }

static int64_t at_or_last(const int64_t *values, int32_t length, int32_t i)
{
    return length <= 0 ? 0 : values[i < length ? i : length - 1];
}

/* stride/padding: the explicit arrays of THSTensor_conv2d (NULL for THSTensor_conv2d_padding, whose stride-2 "same"
   libtorch refuses and whose "valid" 1×1 is left alone). */
static channel_padding padding_for(const Tensor input, const Tensor weight, int64_t groups, const int64_t *stride,
                                   int32_t stride_length, const int64_t *padding, int32_t padding_length)
{
    channel_padding none = {0, 0, 0, 0};
    if (!__atomic_load_n(&enabled, __ATOMIC_RELAXED) || groups != 1 || !input || !weight)
        return none;
    int64_t input_dims = THSTensor_ndimension(input);
    if (THSTensor_ndimension(weight) != 4 || (input_dims != 3 && input_dims != 4) ||
        THSTensor_device_type(input) != DEVICE_CPU)
        return none;
    if (THSTensor_size(weight, 2) * THSTensor_size(weight, 3) == 1) {
        /* 1×1: never wrong, but its strided input gradient can crash (above). */
        int64_t sh = at_or_last(stride, stride_length, 0), sw = at_or_last(stride, stride_length, 1);
        if (stride && padding && (sh > 1 || sw > 1) && at_or_last(padding, padding_length, 0) == 0 &&
            at_or_last(padding, padding_length, 1) == 0 && THSTensor_requires_grad(input)) {
            channel_padding p = {0, 0, sh, sw};
            return p;
        }
        return none;
    }
    int64_t out = THSTensor_size(weight, 0), in = THSTensor_size(weight, 1);
    if (THSTensor_size(input, input_dims - 3) != in)
        return none; /* mismatched operands: libtorch's own error, not a padded convolution that happens to fit */
    channel_padding p = {0, 0, 0, 0};
    p.extra_in = in > BLOCK && in % BLOCK ? round_up(in) - in : 0;
    /* Only the input gradient suffers from odd output channels: without one, the forward is right as it is. */
    p.extra_out = out % BLOCK && THSTensor_requires_grad(input) ? round_up(out) - out : 0;
    return p;
}

/* Zero channels appended to `dim` (counted from the end: 1 = last); NULL with TorchSharp's error set on failure. */
static Tensor pad_channels(const Tensor t, int from_end, int64_t extra)
{
    int64_t pad[8] = {0};
    pad[2 * (from_end - 1) + 1] = extra; /* F.pad lists (before, after) pairs from the last dimension backwards */
    return THSNN_pad(t, pad, 2 * from_end, PAD_CONSTANT, 0.0);
}

/* Runs `conv` on padded copies of the operands and returns the output with its real channels. */
typedef Tensor (*conv_call)(const void *args, Tensor input, Tensor weight, Tensor bias);

static Tensor padded_convolution(channel_padding p, Tensor input, Tensor weight, Tensor bias, conv_call conv,
                                 const void *args)
{
    __atomic_add_fetch(&padded_total, 1, __ATOMIC_RELAXED);
    int64_t channel_dim = THSTensor_ndimension(input) - 3; /* (N,) C, H, W */
    int64_t out_channels = THSTensor_size(weight, 0);
    Tensor padded_input = NULL, padded_weight = NULL, padded_bias = NULL, full = NULL, narrowed = NULL, result = NULL;
    Tensor w = weight;
    if (p.slice_h || p.slice_w) {
        Tensor rows = THSTensor_slice(input, channel_dim + 1, 0, INT64_MAX, p.slice_h);
        if (!rows)
            goto done;
        padded_input = THSTensor_slice(rows, channel_dim + 2, 0, INT64_MAX, p.slice_w);
        THSTensor_dispose(rows);
        if (!padded_input)
            goto done;
    }
    if (p.extra_in) {
        padded_input = pad_channels(input, 3, p.extra_in);
        if (!padded_input)
            goto done;
        padded_weight = pad_channels(weight, 3, p.extra_in); /* weight: out, in, kh, kw */
        if (!padded_weight)
            goto done;
        w = padded_weight;
    }
    if (p.extra_out) {
        Tensor more = pad_channels(w, 4, p.extra_out);
        if (!more)
            goto done;
        if (padded_weight)
            THSTensor_dispose(padded_weight);
        padded_weight = more;
        w = more;
        if (bias) {
            padded_bias = pad_channels(bias, 1, p.extra_out);
            if (!padded_bias)
                goto done;
        }
    }
    full = conv(args, padded_input ? padded_input : input, w, padded_bias ? padded_bias : bias);
    if (!full)
        goto done;
    if (!p.extra_out) {
        result = full;
        full = NULL;
        goto done;
    }
    narrowed = THSTensor_narrow(full, channel_dim, 0, out_channels);
    if (narrowed)
        result = THSTensor_contiguous(narrowed); /* a convolution's output is contiguous; keep it so */
done:
    /* Every temporary goes; the result keeps what autograd needs alive on its own. */
    if (narrowed)
        THSTensor_dispose(narrowed);
    if (full)
        THSTensor_dispose(full);
    if (padded_bias)
        THSTensor_dispose(padded_bias);
    if (padded_weight)
        THSTensor_dispose(padded_weight);
    if (padded_input)
        THSTensor_dispose(padded_input);
    return result;
}

typedef struct {
    const int64_t *stride, *padding, *dilation;
    int32_t stride_length, padding_length, dilation_length, padding_mode;
    int64_t groups;
} conv_args;

static Tensor call_conv2d(const void *a, Tensor input, Tensor weight, Tensor bias)
{
    const conv_args *c = a;
    return real_conv2d(input, weight, bias, c->stride, c->stride_length, c->padding, c->padding_length, c->dilation,
                       c->dilation_length, c->groups);
}

static Tensor call_conv2d_padding(const void *a, Tensor input, Tensor weight, Tensor bias)
{
    const conv_args *c = a;
    return real_conv2d_padding(input, weight, bias, c->stride, c->stride_length, c->padding_mode, c->dilation,
                               c->dilation_length, c->groups);
}

EXPORT Tensor THSTensor_conv2d(const Tensor input, const Tensor weight, const Tensor bias, const int64_t *stride,
                               const int32_t strideLength, const int64_t *padding, const int32_t paddingLength,
                               const int64_t *dilation, const int32_t dilationLength, int64_t groups)
{
    __atomic_add_fetch(&calls_total, 1, __ATOMIC_RELAXED);
    channel_padding p = padding_for(input, weight, groups, stride, strideLength, padding, paddingLength);
    if (!needs_change(p))
        return real_conv2d(input, weight, bias, stride, strideLength, padding, paddingLength, dilation, dilationLength,
                           groups);
    static const int64_t unit[2] = {1, 1};
    conv_args args = {p.slice_h ? unit : stride, padding, dilation, p.slice_h ? 2 : strideLength, paddingLength,
                      dilationLength, 0, groups};
    return padded_convolution(p, input, weight, bias, call_conv2d, &args);
}

EXPORT Tensor THSTensor_conv2d_padding(const Tensor input, const Tensor weight, const Tensor bias,
                                       const int64_t *stride, const int32_t strideLength, const int32_t padding,
                                       const int64_t *dilation, const int32_t dilationLength, int64_t groups)
{
    __atomic_add_fetch(&calls_total, 1, __ATOMIC_RELAXED);
    channel_padding p = padding_for(input, weight, groups, NULL, 0, NULL, 0);
    if (!needs_change(p))
        return real_conv2d_padding(input, weight, bias, stride, strideLength, padding, dilation, dilationLength,
                                   groups);
    conv_args args = {stride, NULL, dilation, strideLength, 0, dilationLength, padding, groups};
    return padded_convolution(p, input, weight, bias, call_conv2d_padding, &args);
}

/* Called once, before any TorchSharp P/Invoke is bound to this library, with libLibTorchSharp's own two functions;
   `enable` turns the padding on (the AMD CPUs above), otherwise every call passes straight through. */
EXPORT int weclick_conv_guard_install(conv2d_fn conv2d, conv2d_padding_fn conv2d_padding, int enable)
{
    if (!conv2d || !conv2d_padding)
        return 0;
    real_conv2d = conv2d;
    real_conv2d_padding = conv2d_padding;
    __atomic_store_n(&enabled, enable != 0, __ATOMIC_RELEASE);
    return 1;
}

/* For `weclick env` and the tests: 2-D convolutions seen, and how many of them were padded or sliced. */
EXPORT void weclick_conv_guard_counters(uint64_t *calls, uint64_t *padded)
{
    *calls = __atomic_load_n(&calls_total, __ATOMIC_RELAXED);
    *padded = __atomic_load_n(&padded_total, __ATOMIC_RELAXED);
}

// Reductions: sums, means, extrema and arg-extrema over all elements or dimensions (include/weclick/reduction.h).
#include "common.h"

using wc::T;

namespace
{
c10::optional<int64_t> opt_int(const int64_t* value)
{
    return value == nullptr ? c10::nullopt : c10::optional<int64_t>(*value);
}

// NULL dims = reduce over every dimension (PyTorch's dim=None).
at::OptionalIntArrayRef opt_ints(const int64_t* dims, int64_t ndims)
{
    return dims == nullptr ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(wc::ints(dims, ndims));
}

std::vector<int64_t> all_dims(const at::Tensor& t)
{
    std::vector<int64_t> dims(static_cast<size_t>(t.dim()));
    for (size_t i = 0; i < dims.size(); ++i)
    {
        dims[i] = static_cast<int64_t>(i);
    }
    return dims;
}
} // namespace

extern "C" {

int32_t WcTensor_sum(WcTensor t, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::sum(T(t), wc::opt_dtype(dtype))) }

int32_t WcTensor_sum_dims(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::sum(T(t), wc::ints(dims, ndims), keepdim != 0, wc::opt_dtype(dtype))) }
int32_t WcTensor_mean(WcTensor t, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::mean(T(t), wc::opt_dtype(dtype))) }
int32_t WcTensor_mean_dims(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::mean(T(t), wc::ints(dims, ndims), keepdim != 0, wc::opt_dtype(dtype))) }
int32_t WcTensor_prod(WcTensor t, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::prod(T(t), wc::opt_dtype(dtype))) }
int32_t WcTensor_prod_dim(WcTensor t, int64_t dim, int32_t keepdim, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::prod(T(t), dim, keepdim != 0, wc::opt_dtype(dtype))) }
int32_t WcTensor_max(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, at::max(T(t))) }
int32_t WcTensor_min(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, at::min(T(t))) }

int32_t WcTensor_max_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* values, WcTensor* indices)
{
    WC_TRY({
        auto result = at::max(T(t), dim, keepdim != 0);
        *values = wc::wrap(std::get<0>(result));
        *indices = wc::wrap(std::get<1>(result));
    })
}

int32_t WcTensor_min_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* values, WcTensor* indices)
{
    WC_TRY({
        auto result = at::min(T(t), dim, keepdim != 0);
        *values = wc::wrap(std::get<0>(result));
        *indices = wc::wrap(std::get<1>(result));
    })
}

int32_t WcTensor_amax(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::amax(T(t), wc::ints(dims, ndims), keepdim != 0)) }
int32_t WcTensor_amin(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::amin(T(t), wc::ints(dims, ndims), keepdim != 0)) }
int32_t WcTensor_argmax(WcTensor t, const int64_t* dim, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::argmax(T(t), opt_int(dim), keepdim != 0)) }
int32_t WcTensor_argmin(WcTensor t, const int64_t* dim, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::argmin(T(t), opt_int(dim), keepdim != 0)) }
int32_t WcTensor_std(WcTensor t, const int64_t* dims, int64_t ndims, int32_t unbiased, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::std(T(t), opt_ints(dims, ndims), unbiased != 0, keepdim != 0)) }
int32_t WcTensor_var(WcTensor t, const int64_t* dims, int64_t ndims, int32_t unbiased, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::var(T(t), opt_ints(dims, ndims), unbiased != 0, keepdim != 0)) }
int32_t WcTensor_all(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, at::all(T(t))) }
int32_t WcTensor_all_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::all(T(t), dim, keepdim != 0)) }
int32_t WcTensor_any(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, at::any(T(t))) }
int32_t WcTensor_any_dim(WcTensor t, int64_t dim, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::any(T(t), dim, keepdim != 0)) }

int32_t WcTensor_norm(WcTensor t, WcScalar p, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out)
{
    WC_RETURN_TENSOR(out, dims == nullptr && keepdim == 0 ? at::norm(T(t), wc::scalar(p))
                                                          : at::norm(T(t), wc::scalar(p), dims == nullptr ? all_dims(T(t)) : std::vector<int64_t>(dims, dims + ndims), keepdim != 0))
}

int32_t WcTensor_logsumexp(WcTensor t, const int64_t* dims, int64_t ndims, int32_t keepdim, WcTensor* out) { WC_RETURN_TENSOR(out, at::logsumexp(T(t), wc::ints(dims, ndims), keepdim != 0)) }
int32_t WcTensor_cumsum(WcTensor t, int64_t dim, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::cumsum(T(t), dim, wc::opt_dtype(dtype))) }
int32_t WcTensor_cumprod(WcTensor t, int64_t dim, int32_t dtype, WcTensor* out) { WC_RETURN_TENSOR(out, at::cumprod(T(t), dim, wc::opt_dtype(dtype))) }

} // extern "C"

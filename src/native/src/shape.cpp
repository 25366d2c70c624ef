// Shape and indexing: views, joins, splits and selections (include/weclick/shape.h).
#include "common.h"

using wc::T;

namespace
{
c10::optional<int64_t> opt_int(const int64_t* value)
{
    return value == nullptr ? c10::nullopt : c10::optional<int64_t>(*value);
}

void return_list(const std::vector<at::Tensor>& tensors, WcTensor** out, int64_t* count)
{
    *out = wc::wrap_list(tensors);
    *count = static_cast<int64_t>(tensors.size());
}
} // namespace

extern "C" {

int32_t WcTensor_reshape(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).reshape(wc::ints(shape, ndim))) }
int32_t WcTensor_view(WcTensor t, const int64_t* shape, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).view(wc::ints(shape, ndim))) }
int32_t WcTensor_narrow(WcTensor t, int64_t dim, int64_t start, int64_t length, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).narrow(dim, start, length)) }

int32_t WcTensor_permute(WcTensor t, const int64_t* dims, int64_t ndims, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).permute(wc::ints(dims, ndims))) }
int32_t WcTensor_transpose(WcTensor t, int64_t dim0, int64_t dim1, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).transpose(dim0, dim1)) }
int32_t WcTensor_t(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).t()) }
int32_t WcTensor_squeeze(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).squeeze()) }
int32_t WcTensor_squeeze_dim(WcTensor t, int64_t dim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).squeeze(dim)) }
int32_t WcTensor_unsqueeze(WcTensor t, int64_t dim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).unsqueeze(dim)) }
int32_t WcTensor_expand(WcTensor t, const int64_t* sizes, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).expand(wc::ints(sizes, ndim))) }
int32_t WcTensor_expand_as(WcTensor t, WcTensor other, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).expand_as(T(other))) }
int32_t WcTensor_flatten(WcTensor t, int64_t start_dim, int64_t end_dim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).flatten(start_dim, end_dim)) }
int32_t WcTensor_unflatten(WcTensor t, int64_t dim, const int64_t* sizes, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).unflatten(dim, wc::ints(sizes, ndim))) }
int32_t WcTensor_repeat(WcTensor t, const int64_t* repeats, int64_t ndim, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).repeat(wc::ints(repeats, ndim))) }
int32_t WcTensor_flip(WcTensor t, const int64_t* dims, int64_t ndims, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).flip(wc::ints(dims, ndims))) }
int32_t WcTensor_roll(WcTensor t, const int64_t* shifts, int64_t nshifts, const int64_t* dims, int64_t ndims, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).roll(wc::ints(shifts, nshifts), wc::ints(dims, ndims))) }
int32_t WcTensor_tril(WcTensor t, int64_t diagonal, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).tril(diagonal)) }
int32_t WcTensor_triu(WcTensor t, int64_t diagonal, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).triu(diagonal)) }

int32_t WcTensor_cat(const WcTensor* tensors, int64_t count, int64_t dim, WcTensor* out) { WC_RETURN_TENSOR(out, at::cat(wc::tensor_list(tensors, count), dim)) }
int32_t WcTensor_stack(const WcTensor* tensors, int64_t count, int64_t dim, WcTensor* out) { WC_RETURN_TENSOR(out, at::stack(wc::tensor_list(tensors, count), dim)) }
int32_t WcTensor_split(WcTensor t, int64_t split_size, int64_t dim, WcTensor** out, int64_t* count) { WC_TRY(return_list(T(t).split(split_size, dim), out, count)) }
int32_t WcTensor_split_with_sizes(WcTensor t, const int64_t* sizes, int64_t nsizes, int64_t dim, WcTensor** out, int64_t* count) { WC_TRY(return_list(T(t).split_with_sizes(wc::ints(sizes, nsizes), dim), out, count)) }
int32_t WcTensor_chunk(WcTensor t, int64_t chunks, int64_t dim, WcTensor** out, int64_t* count) { WC_TRY(return_list(T(t).chunk(chunks, dim), out, count)) }
int32_t WcTensor_unbind(WcTensor t, int64_t dim, WcTensor** out, int64_t* count) { WC_TRY(return_list(T(t).unbind(dim), out, count)) }

int32_t WcTensor_slice(WcTensor t, int64_t dim, const int64_t* start, const int64_t* end, int64_t step, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).slice(dim, opt_int(start), opt_int(end), step)) }
int32_t WcTensor_select(WcTensor t, int64_t dim, int64_t index, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).select(dim, index)) }
int32_t WcTensor_index_select(WcTensor t, int64_t dim, WcTensor index, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).index_select(dim, T(index))) }
int32_t WcTensor_gather(WcTensor t, int64_t dim, WcTensor index, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).gather(dim, T(index))) }
int32_t WcTensor_scatter(WcTensor t, int64_t dim, WcTensor index, WcTensor src, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).scatter(dim, T(index), T(src))) }
int32_t WcTensor_scatter_value(WcTensor t, int64_t dim, WcTensor index, WcScalar value, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).scatter(dim, T(index), wc::scalar(value))) }
int32_t WcTensor_scatter_(WcTensor t, int64_t dim, WcTensor index, WcTensor src) { WC_TRY(T(t).scatter_(dim, T(index), T(src))) }
int32_t WcTensor_scatter_value_(WcTensor t, int64_t dim, WcTensor index, WcScalar value) { WC_TRY(T(t).scatter_(dim, T(index), wc::scalar(value))) }
int32_t WcTensor_scatter_add(WcTensor t, int64_t dim, WcTensor index, WcTensor src, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).scatter_add(dim, T(index), T(src))) }
int32_t WcTensor_scatter_add_(WcTensor t, int64_t dim, WcTensor index, WcTensor src) { WC_TRY(T(t).scatter_add_(dim, T(index), T(src))) }
int32_t WcTensor_masked_fill(WcTensor t, WcTensor mask, WcScalar value, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).masked_fill(T(mask), wc::scalar(value))) }
int32_t WcTensor_masked_fill_(WcTensor t, WcTensor mask, WcScalar value) { WC_TRY(T(t).masked_fill_(T(mask), wc::scalar(value))) }
int32_t WcTensor_masked_select(WcTensor t, WcTensor mask, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).masked_select(T(mask))) }
int32_t WcTensor_nonzero(WcTensor t, WcTensor* out) { WC_RETURN_TENSOR(out, T(t).nonzero()) }
int32_t WcTensor_one_hot(WcTensor t, int64_t num_classes, WcTensor* out) { WC_RETURN_TENSOR(out, at::one_hot(T(t), num_classes)) }

} // extern "C"

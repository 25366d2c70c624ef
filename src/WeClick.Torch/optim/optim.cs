using WeClick.Torch.Modules;
using WeClick.Torch.Optim;

namespace WeClick.Torch;

public static partial class torch
{
    /// <summary>Optimisers, as <c>torch.optim</c>; the classes live in <see cref="WeClick.Torch.Optim"/>.</summary>
    public static class optim
    {
        /// <summary>Stochastic gradient descent; see <see cref="Optim.SGD"/>.</summary>
        public static Optim.SGD SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

        /// <summary>Stochastic gradient descent over several parameter groups; see <see cref="Optim.SGD"/>.</summary>
        public static Optim.SGD SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(param_groups, lr, momentum, dampening, weight_decay, nesterov, maximize);

        /// <summary>Adam; see <see cref="Optim.Adam"/>.</summary>
        public static Optim.Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null,
            double eps = 1e-8, double weight_decay = 0, bool maximize = false) =>
            new(parameters, lr, betas, eps, weight_decay, maximize);

        /// <summary>Adam over several parameter groups; see <see cref="Optim.Adam"/>.</summary>
        public static Optim.Adam Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double beta1, double beta2)? betas = null,
            double eps = 1e-8, double weight_decay = 0, bool maximize = false) =>
            new(param_groups, lr, betas, eps, weight_decay, maximize);

        /// <summary>AdamW; see <see cref="Optim.AdamW"/>.</summary>
        public static Optim.AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null,
            double eps = 1e-8, double weight_decay = 1e-2, bool maximize = false) =>
            new(parameters, lr, betas, eps, weight_decay, maximize);

        /// <summary>AdamW over several parameter groups; see <see cref="Optim.AdamW"/>.</summary>
        public static Optim.AdamW AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double beta1, double beta2)? betas = null,
            double eps = 1e-8, double weight_decay = 1e-2, bool maximize = false) =>
            new(param_groups, lr, betas, eps, weight_decay, maximize);
    }
}

using System.Runtime.InteropServices;

namespace WeClick.Torch.Interop;

// P/Invoke declarations for include/weclick/loss.h.
internal static unsafe partial class NativeMethods
{
}

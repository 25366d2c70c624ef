// A no-op std::ios_base_library_init() for Debian 12's libstdc++ (GLIBCXX_3.4.30).
//
// GCC 13 makes every translation unit that includes <iostream> call this function (new in
// GLIBCXX_3.4.32) to set up the standard streams. libstdc++ 12 sets them up itself when it loads,
// so on such a system there is nothing left to do. TorchSharp's libLibTorchSharp.so is the only
// library of TorchSharp-cpu 0.107 that references the symbol; torchsharp-compat.sh adds this
// library as its NEEDED entry so the reference resolves. See environment.md, "Debian 12".
#include <ios>

namespace std {
void ios_base_library_init() {}
}

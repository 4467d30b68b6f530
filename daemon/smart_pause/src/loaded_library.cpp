#include "smart_pause/loaded_library.hpp"

#include <dlfcn.h>

namespace limber {

bool LoadedLibrary::open(const char* soname, std::string& why)
{
    if (handle_) return true;
    // RTLD_LOCAL: its symbols serve only the pointers bound here.
    handle_ = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
        const char* error = ::dlerror();
        why = error ? error : std::string("cannot load ") + soname;
        return false;
    }
    soname_ = soname;
    return true;
}

void* LoadedLibrary::lookup(const char* name, std::string& why)
{
    if (!handle_) {
        why = std::string("no library is loaded to find ") + name + " in";
        return nullptr;
    }
    ::dlerror();
    void* address = ::dlsym(handle_, name);
    if (!address) why = soname_ + " has no " + name;
    return address;
}

}  // namespace limber

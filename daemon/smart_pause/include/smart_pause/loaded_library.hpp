// A shared library opened while limberd runs (dlopen) rather than linked: what only some
// desktops need (the sound server's client for the microphone signal, dconf for GNOME's
// do-not-disturb) costs nothing until that signal has a service to watch. Opened libraries
// stay for the life of the process: their clients keep pointers into them.
#pragma once

#include <string>

namespace limber {

class LoadedLibrary {
public:
    // Opens `soname` (e.g. "libpulse.so.0"); on failure, false and the loader's reason in `why`.
    bool open(const char* soname, std::string& why);

    // Points `fn` at the library's `name`, declared by the library's own header, so the type
    // is checked by the compiler. On failure, false and which symbol in `why`.
    template <typename Fn>
    bool bind(Fn*& fn, const char* name, std::string& why)
    {
        fn = reinterpret_cast<Fn*>(lookup(name, why));
        return fn != nullptr;
    }

private:
    void* lookup(const char* name, std::string& why);

    void* handle_ = nullptr;
    std::string soname_;
};

}  // namespace limber

# Cross-building Limber for 64-bit Windows with Debian's MinGW-w64 (the posix-thread g++, for
# std::thread and std::mutex). installers/windows/build.sh passes LIMBER_WINDOWS_DEPS: the
# prefix where it put SQLiteCpp and the config files of the header-only libraries, whose
# include directory holds only those libraries (never /usr/include: glibc's headers break a
# MinGW build).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(limber_mingw x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${limber_mingw}-gcc-posix)
set(CMAKE_CXX_COMPILER ${limber_mingw}-g++-posix)
set(CMAKE_RC_COMPILER ${limber_mingw}-windres)

set(LIMBER_WINDOWS_DEPS "" CACHE PATH "Where installers/windows/build.sh put the Windows dependencies")
# wxWidgets for MSW, in a prefix of its own (wx-config names it); FindwxWidgets looks for its
# headers there, which must be a root for CMake not to look for them under the others.
set(LIMBER_WINDOWS_WX "" CACHE PATH "Where installers/windows/build.sh put wxWidgets for MSW")
set(CMAKE_FIND_ROOT_PATH /usr/${limber_mingw} ${LIMBER_WINDOWS_DEPS} ${LIMBER_WINDOWS_WX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Windows 10 and later; the C and C++ runtimes linked in, so the .exe files run on a Windows
# with nothing else installed.
add_compile_definitions(_WIN32_WINNT=0x0A00 WINVER=0x0A00 NOMINMAX WIN32_LEAN_AND_MEAN UNICODE _UNICODE)
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# ctest runs the test programs through Wine.
find_program(LIMBER_WINE wine)
if(LIMBER_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${LIMBER_WINE})
endif()

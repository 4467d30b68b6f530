#!/usr/bin/env bash
# Builds Limber for 64-bit Windows on Debian 12, with Debian's MinGW-w64 cross compiler:
#   installers/windows/build.sh           limberd.exe, limberctl.exe and limber-tray.exe, into
#                                         build-windows/bin, and the installer
#                                         build-windows/Limber-<version>-win64.exe;
#   installers/windows/build.sh --tests   those and the test programs, and Wine to run them
#                                         (tests/windows/run.sh runs them).
# Everything comes from Debian: the compiler and the header-only libraries (Boost.Asio, toml++,
# nlohmann-json, CLI11, spdlog with fmt, Catch2) and zlib from its packages, SQLite, SQLiteCpp
# and wxWidgets from its source packages (apt-get source, through a private source list: the
# machine's own apt configuration is not changed). What is compiled here is kept outside the clone, in
# LIMBER_WINDOWS_CACHE (default ~/.cache/limber/windows), under a key made of the versions and
# the flags, so a machine builds it once.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

with_tests=0
case "${1:-}" in
  "") ;;
  --tests) with_tests=1 ;;
  *)
    echo "usage: installers/windows/build.sh [--tests]" >&2
    exit 2
    ;;
esac

packages=(
  # the cross compiler (posix threads), CMake, and dpkg-source to unpack source packages
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-tools cmake make dpkg-dev
  # zlib for wxWidgets (Debian's wx source has its bundled copy removed); makensis for the installer
  libz-mingw-w64-dev nsis
  # header-only libraries, used as they are
  libboost-dev libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev catch2
)
[ "$with_tests" = 1 ] && packages+=(wine)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "windows: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cxx=x86_64-w64-mingw32-g++-posix
# SQLite's own build: no loadable extensions (a daemon never loads one), the rest as SQLiteCpp sets it.
sqlite_flags="-O2 -DSQLITE_OMIT_LOAD_EXTENSION"
cache=${LIMBER_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/limber/windows}
src_version=$(dpkg-query -W -f='${Version}' libsqlitecpp-dev 2>/dev/null || true)
key_text="deps-format 1; $($cxx --version | head -1); sqlitecpp source; flags $sqlite_flags"
key=$(printf '%s' "$key_text" | sha256sum | cut -c1-16)
deps=$cache/deps-$key

# source_package NAME DIR: Debian's source package NAME unpacked in DIR, from the suite this
# machine runs, through a private source list (the machine's apt configuration is untouched).
source_package() {
  local name=$1 dir=$2 mirror
  mkdir -p "$dir/apt/lists/partial"
  . /etc/os-release
  mirror=${LIMBER_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  echo "deb-src $mirror ${VERSION_CODENAME:-bookworm} main" >"$dir/apt/sources.list"
  local apt_private=(-o "Dir::Etc::SourceList=$dir/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$dir/apt/lists" -o APT::Sandbox::User=root)
  apt-get "${apt_private[@]}" update -qq
  (cd "$dir" && apt-get "${apt_private[@]}" source -qq "$name" >/dev/null)
}

if [ ! -f "$deps/.complete" ]; then
  echo "windows: building the dependencies into $deps ($key_text)"
  rm -rf "$deps" "$cache/work-$key"
  work=$cache/work-$key
  mkdir -p "$deps/include" "$deps/lib/cmake"
  source_package sqlitecpp "$work"
  src=$(find "$work" -maxdepth 1 -type d -name 'sqlitecpp-*' | head -1)
  [ -f "$src/sqlite3/sqlite3.c" ] || { echo "windows: Debian's sqlitecpp source has no sqlite3/sqlite3.c" >&2; exit 1; }
  # The header-only libraries, by symlink: only their folders, never all of /usr/include.
  for d in boost nlohmann toml++ spdlog fmt CLI catch2; do ln -s "/usr/include/$d" "$deps/include/$d"; done
  cmake -S "$src" -B "$work/build" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$deps" -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_C_FLAGS="$sqlite_flags" -DCMAKE_CXX_FLAGS="-DSQLITE_OMIT_LOAD_EXTENSION" \
    -DSQLITECPP_INTERNAL_SQLITE=ON -DSQLITECPP_RUN_CPPLINT=OFF -DSQLITECPP_RUN_CPPCHECK=OFF \
    -DSQLITECPP_BUILD_TESTS=OFF -DSQLITECPP_BUILD_EXAMPLES=OFF >"$work/cmake.log"
  cmake --build "$work/build" -j"$(nproc)" >"$work/build.log"
  cmake --install "$work/build" >/dev/null
  # CMake packages for the header-only libraries, each naming only its own folder above.
  package() {  # name version targets...
    local name=$1 version=$2
    shift 2
    mkdir -p "$deps/lib/cmake/$name"
    {
      echo "# Made by installers/windows/build.sh: $name from Debian's headers."
      echo "set(${name}_VERSION $version)"
      for t in "$@"; do
        echo "if(NOT TARGET $t)"
        echo "  add_library($t INTERFACE IMPORTED)"
        echo "  set_target_properties($t PROPERTIES INTERFACE_INCLUDE_DIRECTORIES \"$deps/include\")"
        echo "endif()"
      done
    } >"$deps/lib/cmake/$name/${name}Config.cmake"
    cat >"$deps/lib/cmake/$name/${name}ConfigVersion.cmake" <<EOF
set(PACKAGE_VERSION $version)
if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
endif()
EOF
  }
  version_of() { dpkg-query -W -f='${Version}' "$1" | sed 's/^[0-9]*://; s/[-+~].*//'; }
  package tomlplusplus "$(version_of libtomlplusplus-dev)" tomlplusplus::tomlplusplus
  package nlohmann_json "$(version_of nlohmann-json3-dev)" nlohmann_json::nlohmann_json
  package CLI11 "$(version_of libcli11-dev)" CLI11::CLI11
  package fmt "$(version_of libfmt-dev)" fmt::fmt-header-only
  echo 'set_target_properties(fmt::fmt-header-only PROPERTIES INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)' >>"$deps/lib/cmake/fmt/fmtConfig.cmake"
  package spdlog "$(version_of libspdlog-dev)" spdlog::spdlog_header_only
  echo 'set_target_properties(spdlog::spdlog_header_only PROPERTIES INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)' >>"$deps/lib/cmake/spdlog/spdlogConfig.cmake"
  package Catch2 "$(version_of catch2)" Catch2::Catch2
  package Boost "$(version_of libboost-dev)" Boost::headers Boost::boost
  touch "$deps/.complete"
  rm -rf "$work"
fi

# wxWidgets for MSW, from Debian's source package: static, without the libraries Debian removed
# from its source (png, jpeg, tiff, expat, regex) and the parts the tray does not use. SVG
# drawing stays (nanosvg is bundled): the icon and the illustrations are SVG.
wx_flags="--disable-shared --without-libpng --without-libjpeg --without-libtiff --with-zlib=sys
  --without-expat --without-regex --without-liblzma --disable-svg --with-nanosvg --disable-xrc
  --disable-html --disable-webview --disable-mediactrl --disable-stc --disable-ribbon
  --disable-propgrid --disable-richtext --disable-aui --without-opengl --disable-debug_info"
wx_flags=$(echo $wx_flags)
wx_key_text="wx-format 1; $($cxx --version | head -1); wxwidgets3.2 source $(dpkg-query -W -f='${Version}' wx3.2-headers 2>/dev/null || echo '?'); $wx_flags"
wx_key=$(printf '%s' "$wx_key_text" | sha256sum | cut -c1-16)
wx=$cache/wx-$wx_key
if [ ! -f "$wx/.complete" ]; then
  echo "windows: building wxWidgets into $wx ($wx_key_text)"
  rm -rf "$wx" "$cache/wxwork-$wx_key"
  work=$cache/wxwork-$wx_key
  source_package wxwidgets3.2 "$work"
  src=$(find "$work" -maxdepth 1 -type d -name 'wxwidgets3.2-*' | head -1)
  [ -f "$src/configure" ] || { echo "windows: Debian's wxwidgets3.2 source has no configure" >&2; exit 1; }
  mkdir -p "$work/build"
  # shellcheck disable=SC2086  # the flags are words
  (cd "$work/build" && "$src/configure" --host=x86_64-w64-mingw32 --build=x86_64-linux-gnu \
    CC=x86_64-w64-mingw32-gcc-posix CXX=$cxx --prefix="$wx" $wx_flags >"$work/configure.log" 2>&1) ||
    { tail -n 30 "$work/build/config.log" >&2; exit 1; }
  make -C "$work/build" -j"$(nproc)" >"$work/make.log" 2>&1 || { tail -n 30 "$work/make.log" >&2; exit 1; }
  make -C "$work/build" install >/dev/null
  touch "$wx/.complete"
  rm -rf "$work"
fi

build=${LIMBER_WINDOWS_BUILD:-build-windows}
cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DLIMBER_WINDOWS_DEPS="$deps" \
  -DLIMBER_WINDOWS_WX="$wx" -DwxWidgets_CONFIG_EXECUTABLE="$wx/bin/wx-config" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DLIMBER_WERROR=ON -DLIMBER_UNITY_BUILD=ON -DLIMBER_BUILD_TRAY=ON -DLIMBER_BUILD_TESTS=$([ "$with_tests" = 1 ] && echo ON || echo OFF)
cmake --build "$build" -j"$(nproc)"
# The installer, Limber-<version>-win64.exe (CPack's NSIS, with Debian's makensis).
cmake --build "$build" --target package >"$build/package.log" 2>&1 || { cat "$build/package.log" >&2; exit 1; }
echo "windows: built $(cd "$build/bin" && ls ./*.exe | tr '\n' ' ')in $build/bin, and $(cd "$build" && ls Limber-*-win64.exe)"

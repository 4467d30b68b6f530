# Packages made by cpack from the install rules (installers/CMakeLists.txt): a .deb, a
# tarball, and an .rpm when rpmbuild is installed. `cmake --build build --target package`.

set(CPACK_PACKAGE_NAME limber)
set(CPACK_PACKAGE_VENDOR "Limber developers")
set(CPACK_PACKAGE_CONTACT "Limber developers <limber@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop break reminder with upper-back exercise routines")
# Wrapped by hand: dpkg shows the long description line by line as written.
set(CPACK_PACKAGE_DESCRIPTION [=[Limber counts the time you spend sitting at the keyboard, offers a short
routine of upper-back exercises when a break is due, counts it when you step
away on your own, and keeps a weekly record of how you did. It has a
background daemon (limberd), a command-line client (limberctl) and a tray
app (limber-tray).]=])
# A placeholder until the project has a public home.
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/limber-app/limber")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_STRIP_FILES ON)

# The install rules run with DESTDIR set and the prefix /usr, so that the autostart entry's
# absolute /etc path lands in the package and the user unit's ExecStart says /usr/bin.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_GENERATOR DEB TGZ)
find_program(RPMBUILD rpmbuild)
if(RPMBUILD)
  list(APPEND CPACK_GENERATOR RPM)
endif()

# Debian
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Limber developers <limber@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The event sounds come from the freedesktop sound theme; without it Limber is silent.
# limberd loads libpulse (a call's microphone) and libdconf (GNOME's do-not-disturb) only when
# their services are there, so shlibdeps cannot see them: recommended, as those signals are.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "sound-theme-freedesktop, libpulse0, libdconf1")
# Spoken guidance is off until the user turns it on; it needs the speech service then.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "speech-dispatcher")
# Files under /etc must be conffiles, so dpkg keeps a user's edit of the autostart entry.
if(LIMBER_AUTOSTART_DIR)
  set(limber_autostart_conffile ${LIMBER_AUTOSTART_DIR}/limber-tray.desktop)
else()
  set(limber_autostart_conffile /etc/xdg/autostart/limber-tray.desktop)
endif()
file(WRITE ${CMAKE_BINARY_DIR}/debian/conffiles "${limber_autostart_conffile}\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# RPM
set(CPACK_RPM_PACKAGE_LICENSE MIT)
set(CPACK_RPM_PACKAGE_GROUP Applications/Productivity)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_AUTOREQ ON)

include(CPack)

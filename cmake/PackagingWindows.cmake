# The Windows installer, Limber-<version>-win64.exe, made by CPack's NSIS generator with
# Debian's makensis from the install rules (installers/windows/CMakeLists.txt):
# `cmake --build build-windows --target package`. The script is our own template,
# cmake/windows/NSIS.template.in: a per-user install (no administrator rights) into
# %LOCALAPPDATA%\Programs\Limber, a Start menu shortcut, start at login as an option, and an
# uninstaller in Apps & features that keeps the user's record and settings unless asked.
set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_NAME Limber)
set(CPACK_PACKAGE_VENDOR "Limber developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "A desktop break reminder with upper-back exercise routines")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/limber-app/limber")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Limber)
set(CPACK_PACKAGE_FILE_NAME "Limber-${PROJECT_VERSION}-win64")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_NSIS_MUI_ICON ${PROJECT_SOURCE_DIR}/installers/windows/limber.ico)
set(CPACK_NSIS_MUI_UNIICON ${PROJECT_SOURCE_DIR}/installers/windows/limber.ico)
set(CPACK_LIMBER_VERSION4 "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}.${PROJECT_VERSION_PATCH}.0")
list(PREPEND CMAKE_MODULE_PATH ${PROJECT_SOURCE_DIR}/cmake/windows)
include(CPack)

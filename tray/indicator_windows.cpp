// On Windows the notification area is the taskbar's own: the icon is a wxTaskBarIcon (left
// click: the home window; right click: the menu), with nothing to fall back from.
#include "indicator.hpp"

#include "tray_icon.hpp"

namespace limber::tray {

std::unique_ptr<Indicator> make_indicator(TrayApp& app) { return std::make_unique<TrayIcon>(app); }

bool tray_host_present() { return wxTaskBarIcon::IsAvailable(); }

}  // namespace limber::tray

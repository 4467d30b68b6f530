// limberd's desktop notifications in a build configured with LIMBER_WITH_DBUS=OFF: there are
// none, and limberd runs as with --no-notifications (the tray, when connected, still reminds).
#include "notifier.hpp"

#include "logging.hpp"

namespace limber {

std::unique_ptr<Notifier> Notifier::open(boost::asio::io_context&, ActionHandler)
{
    logger("limberd").info("this build has no desktop notifications (LIMBER_WITH_DBUS=OFF)");
    return nullptr;
}

}  // namespace limber

#include "i18n.hpp"

#include "client/runtime.hpp"

#include <wx/log.h>

namespace limber::tray {

void load_translations()
{
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);  // owns it
    // <prefix>/share/limber is the data directory, so <prefix>/share/locale holds our
    // catalogs: in the build tree, in a package, and in any --prefix install alike.
    const auto locale_dir = runtime_paths().data_dir.parent_path() / "locale";
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(locale_dir.string()));
    // English is the language of the sources: it needs no catalog, and no warning.
    if (!translations->AddCatalog("limber", wxLANGUAGE_ENGLISH_US))
        wxLogDebug("no translation of Limber for this language");
    translations->AddStdCatalog();  // wx's own words: the file dialog's buttons and the like
}

}  // namespace limber::tray

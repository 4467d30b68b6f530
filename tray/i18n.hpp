// Every string the user reads goes through _() (or wxPLURAL), and `limber-pot` extracts them
// into po/limber.pot. Our sources are UTF-8 ("Stop — this hurts"), while wx's own _() turns a
// narrow literal into a wxString through the C library's locale, which mangles anything past
// ASCII under LANG=C; these keep wx's names and its catalogs but read the literal as UTF-8.
#pragma once

#include <wx/string.h>
#include <wx/translation.h>

#undef _
#define _(s) wxGetTranslation(wxString::FromUTF8(s))
#undef wxPLURAL
#define wxPLURAL(singular, plural, n) wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), n)

namespace limber::tray {

// Loads the "limber" catalog for the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
// from <prefix>/share/locale, next to the data directory, and the system's locale directory.
void load_translations();

}  // namespace limber::tray

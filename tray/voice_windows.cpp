// Spoken guidance on Windows, through SAPI's ISpVoice: the voice set in Settings > Time &
// language > Speech, or an installed voice of the routine's language when there is one.
// Speaking is asynchronous (SPF_ASYNC); hush() purges what is queued and stops the sentence.
#include "voice.hpp"

#include <wx/log.h>

#include <windows.h>
#include <sapi.h>

#include <string>

namespace limber::tray {
namespace {

std::wstring wide(const std::string& text)
{
    if (text.empty()) return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n);
    return out;
}

// The first installed voice whose Language attribute names the language's LCID (SAPI writes
// it in hexadecimal: "409" for en-US), or nullptr.
ISpObjectToken* voice_for(const std::string& language)
{
    const LCID lcid = LocaleNameToLCID(wide(language).c_str(), LOCALE_ALLOW_NEUTRAL_NAMES);
    if (lcid == 0) return nullptr;
    ISpObjectTokenCategory* category = nullptr;
    if (FAILED(CoCreateInstance(CLSID_SpObjectTokenCategory, nullptr, CLSCTX_ALL, IID_ISpObjectTokenCategory,
                                reinterpret_cast<void**>(&category))))
        return nullptr;
    ISpObjectToken* found = nullptr;
    IEnumSpObjectTokens* tokens = nullptr;
    wchar_t required[32];
    swprintf(required, 32, L"Language=%x", static_cast<unsigned>(LANGIDFROMLCID(lcid)));
    if (SUCCEEDED(category->SetId(SPCAT_VOICES, FALSE)) && SUCCEEDED(category->EnumTokens(required, nullptr, &tokens)) && tokens) {
        tokens->Next(1, &found, nullptr);
        tokens->Release();
    }
    category->Release();
    return found;
}

}  // namespace

struct Voice::Connection {
    ISpVoice* voice = nullptr;
};

Voice::~Voice()
{
    if (connection_) {
        connection_->voice->Speak(nullptr, SPF_PURGEBEFORESPEAK, nullptr);
        connection_->voice->Release();
    }
    delete connection_;
}

void Voice::say(const std::string& text, const std::string& language)
{
    if (unavailable_ || text.empty()) return;
    if (!connection_) {
        ISpVoice* voice = nullptr;
        const HRESULT hr = CoCreateInstance(CLSID_SpVoice, nullptr, CLSCTX_ALL, IID_ISpVoice, reinterpret_cast<void**>(&voice));
        if (FAILED(hr) || !voice) {
            wxLogMessage("no spoken guidance: Windows has no speech engine (0x%08lx); Limber stays silent",
                         static_cast<unsigned long>(hr));
            unavailable_ = true;
            return;
        }
        connection_ = new Connection{voice};
    }
    if (language != language_) {
        if (ISpObjectToken* token = voice_for(language)) {
            connection_->voice->SetVoice(token);
            token->Release();
        } else {
            wxLogMessage("no voice for \"%s\"; the default voice speaks", language);
        }
        language_ = language;
    }
    const std::wstring words = wide(text);
    if (FAILED(connection_->voice->Speak(words.c_str(), SPF_ASYNC | SPF_IS_NOT_XML, nullptr)))
        wxLogDebug("the speech engine refused \"%s\"", text);
}

void Voice::hush()
{
    if (connection_) connection_->voice->Speak(nullptr, SPF_ASYNC | SPF_PURGEBEFORESPEAK, nullptr);
}

}  // namespace limber::tray

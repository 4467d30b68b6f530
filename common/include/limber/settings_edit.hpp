// Editing a settings file in place: one key changes, everything else the user wrote (comments,
// order, keys Limber does not know) stays as it was. Pure text in, text out.
#pragma once

#include <string>

namespace limber {

// `text` with `key = value_literal` inside [section]: the key's line is replaced when present,
// else the key is added at the end of the section, else the section is appended to the text.
// `value_literal` is written as given (quote strings yourself: "\"45m\""). An empty section
// means the keys before the first table header.
std::string set_setting(std::string text, const std::string& section, const std::string& key,
                        const std::string& value_literal);

}  // namespace limber

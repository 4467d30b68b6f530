// The user's settings file: created from the shipped defaults on first run.
#pragma once

#include "limber/paths.hpp"

#include <filesystem>

namespace limber {

// Returns the file limberd should read: the user's, copied from the shipped defaults when it
// does not exist yet. If it cannot be created (a read-only home), the shipped file, after a
// logged warning.
std::filesystem::path ensure_user_settings(const Paths& paths);

}  // namespace limber

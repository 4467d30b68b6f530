#include "limber/catalog.hpp"

#include "limber/error.hpp"
#include "toml_reader.hpp"

#include <algorithm>
#include <set>

namespace limber {
namespace {

using detail::TomlSection;

const std::set<std::string> known_positions{"seated", "standing", "wall", "doorway", "floor", "hands-and-knees"};
const std::set<std::string> known_equipment{"towel-or-roller", "wall", "doorway"};

std::vector<std::string> words_from(TomlSection& s, const std::string& key, const std::set<std::string>& allowed,
                                    bool required)
{
    auto list = required ? s.string_list(key) : s.optional_string_list(key).value_or(std::vector<std::string>{});
    if (required && list.empty()) s.fail(key, "must name at least one");
    for (const auto& w : list) {
        if (!allowed.contains(w)) {
            std::string names;
            for (const auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
            s.fail(key, "\"" + w + "\" is not one of: " + names);
        }
    }
    return list;
}

bool valid_id(const std::string& id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string read_id(TomlSection& s)
{
    std::string id = s.string("id");
    if (!valid_id(id)) s.fail("id", "\"" + id + "\" must be lower-case letters, digits and '-'");
    return id;
}

Exercise read_exercise(TomlSection& s)
{
    Exercise e;
    e.id = read_id(s);
    e.name = s.string("name");
    e.purpose = s.string("purpose");
    e.positions = words_from(s, "positions", known_positions, true);
    e.equipment = words_from(s, "equipment", known_equipment, false);
    e.steps = s.string_list("steps");
    if (e.steps.empty()) s.fail("steps", "must have at least one step");
    e.tip = s.optional_string("tip").value_or("");
    e.say = s.optional_string("say").value_or("");

    auto dose = s.optional_section("dose");
    if (!dose) s.fail("dose", "missing (a [dose] table is required)");
    auto [hold_lo, hold_hi] = dose->has("hold_seconds") ? dose->range("hold_seconds", 0, 120) : std::pair<std::int64_t, std::int64_t>{0, 0};
    auto [reps_lo, reps_hi] = dose->range("reps", 1, 30);
    e.dose.hold_seconds = {static_cast<int>(hold_lo), static_cast<int>(hold_hi)};
    e.dose.reps = {static_cast<int>(reps_lo), static_cast<int>(reps_hi)};
    e.dose.per_side = dose->optional_boolean("per_side").value_or(false);
    e.dose.rep_seconds = static_cast<int>(dose->integer("rep_seconds", 1, 60));
    e.dose.setup_seconds = static_cast<int>(dose->optional_integer("setup_seconds", 0, 120).value_or(0));
    e.dose.with_breath = dose->optional_boolean("with_breath").value_or(false);
    dose->reject_unknown_keys();
    s.reject_unknown_keys();
    return e;
}

Routine read_routine(TomlSection& s, const Catalog& catalog)
{
    Routine r;
    r.id = read_id(s);
    r.name = s.string("name");
    r.summary = s.string("summary");
    r.guide_minutes = static_cast<int>(s.integer("guide_minutes", 1, 120));
    r.exercises = s.string_list("exercises");
    if (r.exercises.empty()) s.fail("exercises", "a routine needs at least one exercise");
    for (const auto& id : r.exercises)
        if (!catalog.find_exercise(id)) s.fail("exercises", "unknown exercise \"" + id + "\"");
    s.reject_unknown_keys();
    return r;
}

}  // namespace

std::chrono::seconds Exercise::length(const DoseStep& step) const
{
    const int sides = dose.per_side ? 2 : 1;
    return std::chrono::seconds{dose.setup_seconds + sides * step.reps * (dose.rep_seconds + step.hold_seconds)};
}

const Exercise* Catalog::find_exercise(const std::string& id) const
{
    auto it = std::find_if(exercises.begin(), exercises.end(), [&](const Exercise& e) { return e.id == id; });
    return it == exercises.end() ? nullptr : &*it;
}

const Routine* Catalog::find_routine(const std::string& id) const
{
    auto it = std::find_if(routines.begin(), routines.end(), [&](const Routine& r) { return r.id == id; });
    return it == routines.end() ? nullptr : &*it;
}

Routine Catalog::single(const Exercise& exercise) const
{
    Routine r;
    r.id = "single:" + exercise.id;
    r.name = exercise.name;
    r.summary = exercise.purpose;
    r.exercises = {exercise.id};
    r.guide_minutes = 0;
    return r;
}

Catalog load_catalog(const std::string& exercises_path, const std::string& routines_path)
{
    Catalog catalog;
    {
        const toml::table doc = detail::parse_toml_file(exercises_path);
        TomlSection top(doc, exercises_path, "");
        for (auto& s : top.array_of_sections("exercise")) {
            Exercise e = read_exercise(s);
            if (catalog.find_exercise(e.id)) s.fail("id", "exercise \"" + e.id + "\" is defined twice");
            catalog.exercises.push_back(std::move(e));
        }
        if (catalog.exercises.empty()) top.fail("exercise", "the catalog has no [[exercise]] entries");
        if (auto safety = top.optional_section("safety")) {
            catalog.safety.how_to_move = safety->string_list("how_to_move");
            catalog.safety.stop_if = safety->string_list("stop_if");
            catalog.safety.ask_first_if = safety->string_list("ask_first_if");
            safety->reject_unknown_keys();
        } else {
            top.fail("safety", "missing (a [safety] table is required)");
        }
        top.reject_unknown_keys();
    }
    {
        const toml::table doc = detail::parse_toml_file(routines_path);
        TomlSection top(doc, routines_path, "");
        for (auto& s : top.array_of_sections("routine")) {
            Routine r = read_routine(s, catalog);
            if (catalog.find_routine(r.id)) s.fail("id", "routine \"" + r.id + "\" is defined twice");
            catalog.routines.push_back(std::move(r));
        }
        if (catalog.routines.empty()) top.fail("routine", "no [[routine]] entries");
        top.reject_unknown_keys();
    }
    return catalog;
}

}  // namespace limber

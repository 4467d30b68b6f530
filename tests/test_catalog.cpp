// The shipped catalog matches the guide, and a broken catalog is reported precisely.
#include "limber/catalog.hpp"
#include "limber/error.hpp"
#include "support/temp_dir.hpp"

#include "support/catch.hpp"

#include <fstream>
#include <sstream>

using namespace std::chrono_literals;
using limber::Catalog;
using limber::ConfigError;
using limber::Range;

namespace {

const std::string exercises_file = LIMBER_CONFIG_DIR "/exercises.toml";
const std::string routines_file = LIMBER_CONFIG_DIR "/routines.toml";

Catalog shipped() { return limber::load_catalog(exercises_file, routines_file); }

std::string slurp(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Loads the shipped routines against an exercises file whose text is the shipped one with
// `from` replaced by `to`, and returns the error message.
std::string error_with_exercises(const std::string& from, const std::string& to)
{
    limber::test::TempDir dir;
    std::string text = slurp(exercises_file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    const auto path = dir.write("exercises.toml", text);
    try {
        limber::load_catalog(path, routines_file);
    } catch (const ConfigError& e) {
        std::string msg = e.what();
        return msg.substr(msg.find("exercises.toml"));
    }
    FAIL("no error for " << to);
    return {};
}

std::string error_with_routines(const std::string& text)
{
    limber::test::TempDir dir;
    const auto path = dir.write("routines.toml", text);
    try {
        limber::load_catalog(exercises_file, path);
    } catch (const ConfigError& e) {
        std::string msg = e.what();
        return msg.substr(msg.find("routines.toml"));
    }
    FAIL("no error");
    return {};
}

}  // namespace

TEST_CASE("the shipped catalog has the guide's seven exercises with the guide's doses")
{
    const Catalog c = shipped();
    REQUIRE(c.exercises.size() == 7);
    struct Expect {
        const char* id;
        Range hold;
        Range reps;
        bool per_side;
    };
    const Expect expected[] = {
        {"thoracic-extension", {3, 5}, {8, 10}, false},
        {"wall-angels", {0, 0}, {10, 10}, false},
        {"chin-tucks", {5, 5}, {10, 15}, false},
        {"scapular-squeezes", {5, 10}, {10, 15}, false},
        {"doorway-pec-stretch", {20, 30}, {2, 3}, false},
        {"cat-cow", {0, 0}, {10, 10}, false},
        {"thread-the-needle", {20, 30}, {1, 1}, true},
    };
    for (const auto& x : expected) {
        INFO(x.id);
        const auto* e = c.find_exercise(x.id);
        REQUIRE(e);
        CHECK(e->dose.hold_seconds == x.hold);
        CHECK(e->dose.reps == x.reps);
        CHECK(e->dose.per_side == x.per_side);
        CHECK_FALSE(e->name.empty());
        CHECK_FALSE(e->purpose.empty());
        CHECK(e->steps.size() >= 3);
        CHECK_FALSE(e->tip.empty());
        CHECK_FALSE(e->positions.empty());
    }
    CHECK(c.find_exercise("cat-cow")->dose.with_breath);
    CHECK(c.find_exercise("thoracic-extension")->equipment == std::vector<std::string>{"towel-or-roller"});
    CHECK(c.find_exercise("doorway-pec-stretch")->equipment == std::vector<std::string>{"doorway"});
    CHECK(c.find_exercise("wall-angels")->equipment == std::vector<std::string>{"wall"});
    CHECK(c.safety.stop_if.size() == 3);
    CHECK(c.safety.ask_first_if.size() == 4);
}

TEST_CASE("the shipped routines are the guide's three")
{
    const Catalog c = shipped();
    REQUIRE(c.routines.size() == 3);
    CHECK(c.find_routine("quick-daily-reset")->exercises ==
          std::vector<std::string>{"chin-tucks", "scapular-squeezes", "doorway-pec-stretch"});
    CHECK(c.find_routine("end-of-day-relief")->exercises ==
          std::vector<std::string>{"thoracic-extension", "wall-angels", "cat-cow", "thread-the-needle"});
    CHECK(c.find_routine("posture-support")->exercises.size() == 7);
}

TEST_CASE("a routine's length, computed from the doses, lands near the guide's figure")
{
    const Catalog c = shipped();
    for (const auto& r : c.routines) {
        INFO(r.id);
        // The guide's figures are for a beginner, who starts at the low end of every range.
        const auto easy = c.length(r, [](const limber::Exercise& e) { return e.easiest(); });
        const auto full = c.length(r, [](const limber::Exercise& e) { return e.fullest(); });
        const double guide = r.guide_minutes * 60.0;
        CHECK(easy.count() >= guide * 0.8);
        CHECK(easy.count() <= guide * 1.2);
        CHECK(full > easy);
    }
}

TEST_CASE("an exercise's length counts holds, reps, sides and setup")
{
    const Catalog c = shipped();
    const auto& needle = *c.find_exercise("thread-the-needle");
    CHECK(needle.length({1, 20}) == std::chrono::seconds{15 + 2 * (15 + 20)});
    const auto& chin = *c.find_exercise("chin-tucks");
    CHECK(chin.length({10, 5}) == std::chrono::seconds{10 * (3 + 5)});
    const auto single = c.single(chin);
    CHECK(single.id == "single:chin-tucks");
    CHECK(c.length(single, [](const limber::Exercise& e) { return e.easiest(); }) == 80s);
}

TEST_CASE("a broken catalog names the file, line, column and key")
{
    CHECK(error_with_exercises("hold_seconds = [3, 5]", "hold_seconds = [3, 500]") ==
          "exercises.toml:47:20: exercise[0].dose.hold_seconds: 500 is out of range (0 to 120)");
    CHECK(error_with_exercises("hold_seconds = [3, 5]", "hold_seconds = [5, 3]") ==
          "exercises.toml:47:16: exercise[0].dose.hold_seconds: low end 5 is above high end 3");
    CHECK(error_with_exercises("reps = [8, 10]", "reps = \"ten\"") ==
          "exercises.toml:48:8: exercise[0].dose.reps: expected an integer or a [low, high] pair");
    CHECK(error_with_exercises("reps = [8, 10]", "reps = [0, 10]") ==
          "exercises.toml:48:9: exercise[0].dose.reps: 0 is out of range (1 to 30)");
    CHECK(error_with_exercises("positions = [\"floor\"]", "positions = [\"sofa\"]") ==
          "exercises.toml:35:13: exercise[0].positions: \"sofa\" is not one of: doorway, floor, hands-and-knees, "
          "seated, standing, wall");
    CHECK(error_with_exercises("id = \"wall-angels\"", "id = \"thoracic-extension\"") ==
          "exercises.toml:53:6: exercise[1].id: exercise \"thoracic-extension\" is defined twice");
    CHECK(error_with_exercises("id = \"wall-angels\"", "id = \"Wall Angels\"") ==
          "exercises.toml:53:6: exercise[1].id: \"Wall Angels\" must be lower-case letters, digits and '-'");
    CHECK(error_with_exercises("tip = \"Let the arch", "colour = \"red\"\ntip = \"Let the arch") ==
          "exercises.toml:44:1: exercise[0].colour: unknown key");
    CHECK(error_with_exercises("name = \"Thoracic extension\"\n", "") ==
          "exercises.toml:31:1: exercise[0].name: missing (a string is required)");
    CHECK(error_with_exercises("[safety]", "[safety\n") == "exercises.toml:12:8: syntax error: Error while parsing table header: expected ']', saw '\\n'");
}

TEST_CASE("a broken routines file names the file, line, column and key")
{
    CHECK(error_with_routines("[[routine]]\nid = \"r\"\nname = \"R\"\nsummary = \"s\"\nguide_minutes = 5\n"
                              "exercises = [\"chin-tucks\", \"handstands\"]\n") ==
          "routines.toml:6:13: routine[0].exercises: unknown exercise \"handstands\"");
    CHECK(error_with_routines("[[routine]]\nid = \"r\"\nname = \"R\"\nsummary = \"s\"\nguide_minutes = 5\nexercises = []\n") ==
          "routines.toml:6:13: routine[0].exercises: a routine needs at least one exercise");
    CHECK(error_with_routines("[[routine]]\nid = \"r\"\nname = \"R\"\nsummary = \"s\"\nguide_minutes = \"5\"\n") ==
          "routines.toml:5:17: routine[0].guide_minutes: expected an integer, found a string");
    CHECK(error_with_routines("") == "routines.toml:1:1: routine: no [[routine]] entries");
}

TEST_CASE("a missing file or a directory in its place is reported, not a crash")
{
    limber::test::TempDir dir;
    CHECK_THROWS_WITH(limber::load_catalog((dir.path() / "nope.toml").string(), routines_file),
                      Catch::EndsWith("nope.toml: file not found"));
    std::filesystem::create_directory(dir.path() / "exercises.toml");
    CHECK_THROWS_WITH(limber::load_catalog((dir.path() / "exercises.toml").string(), routines_file),
                      Catch::EndsWith("exercises.toml: is a directory, expected a TOML file"));
}

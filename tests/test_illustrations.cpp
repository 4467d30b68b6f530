// Every exercise has an illustration, and every shipped SVG keeps to what NanoSVG (the renderer
// bundled with wxWidgets) draws: basic shapes and paths with plain fill and stroke.
#include "limber/catalog.hpp"
#include "limber/illustration.hpp"
#include "limber/routine_steps.hpp"

#include "support/catch.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path config_dir = LIMBER_CONFIG_DIR;
const fs::path illustrations_dir = config_dir / "illustrations";
const fs::path icon_file = config_dir / "icons" / "limber.svg";

limber::Catalog shipped()
{
    return limber::load_catalog((config_dir / "exercises.toml").string(),
                                (config_dir / "routines.toml").string());
}

std::string slurp(const fs::path& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct Tag {
    std::string name;
    std::vector<std::string> attributes;
};

// The start tags of a small, well-formed SVG file, comments and declarations skipped. Throws
// on anything it cannot read, so a malformed file fails the test rather than slipping through.
std::vector<Tag> start_tags(const std::string& text)
{
    std::vector<Tag> tags;
    std::size_t i = 0;
    const auto is_name = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
    };
    while ((i = text.find('<', i)) != std::string::npos) {
        if (text.compare(i, 4, "<!--") == 0) {
            const auto end = text.find("-->", i);
            if (end == std::string::npos) throw std::runtime_error("unclosed comment");
            i = end + 3;
            continue;
        }
        if (text.compare(i, 2, "</") == 0 || text.compare(i, 2, "<?") == 0 ||
            text.compare(i, 2, "<!") == 0) {
            i = text.find('>', i);
            if (i == std::string::npos) throw std::runtime_error("unclosed tag");
            continue;
        }
        ++i;
        Tag tag;
        while (i < text.size() && is_name(text[i])) tag.name += text[i++];
        if (tag.name.empty()) throw std::runtime_error("tag without a name");
        for (;;) {
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
            if (i >= text.size()) throw std::runtime_error("unclosed <" + tag.name);
            if (text[i] == '>' || text.compare(i, 2, "/>") == 0) break;
            std::string attr;
            while (i < text.size() && is_name(text[i])) attr += text[i++];
            if (attr.empty() || i + 1 >= text.size() || text[i] != '=' || text[i + 1] != '"')
                throw std::runtime_error("unreadable attribute in <" + tag.name);
            const auto close = text.find('"', i + 2);
            if (close == std::string::npos) throw std::runtime_error("unclosed attribute value");
            tag.attributes.push_back(attr);
            i = close + 1;
        }
        tags.push_back(tag);
    }
    return tags;
}

const std::set<std::string> allowed_elements = {
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon",
};

const std::set<std::string> allowed_attributes = {
    "xmlns", "viewBox", "width", "height",                       // svg
    "d", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "points",  // geometry
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "opacity",
    "id",  // the pose groups
};

// Words that mean a feature NanoSVG ignores or draws wrongly, anywhere in the file.
const std::vector<std::string> forbidden_tokens = {
    "<text", "<style", "<filter", "<mask", "<clippath", "marker", "gradient", "font",
    "style=", "<image", "<use", "href",
};

void check_svg(const fs::path& path, const std::string& view_box)
{
    INFO(path.string());
    REQUIRE(fs::is_regular_file(path));
    const std::string text = slurp(path);
    const std::string low = lower(text);
    for (const auto& token : forbidden_tokens) {
        INFO("forbidden: " << token);
        CHECK(low.find(token) == std::string::npos);
    }

    std::vector<Tag> tags;
    REQUIRE_NOTHROW(tags = start_tags(text));
    REQUIRE_FALSE(tags.empty());
    CHECK(tags.front().name == "svg");
    CHECK(text.find("viewBox=\"" + view_box + "\"") != std::string::npos);
    for (const auto& tag : tags) {
        INFO("<" << tag.name << ">");
        CHECK(allowed_elements.count(tag.name) == 1);
        for (const auto& attr : tag.attributes) {
            INFO("attribute " << attr);
            CHECK(allowed_attributes.count(attr) == 1);
        }
    }
}

}  // namespace

TEST_CASE("every exercise in the shipped catalog has an illustration")
{
    const auto catalog = shipped();
    REQUIRE_FALSE(catalog.exercises.empty());
    for (const auto& e : catalog.exercises) {
        INFO(e.id);
        CHECK(fs::is_regular_file(illustrations_dir / (e.id + ".svg")));
    }
}

TEST_CASE("every illustration belongs to an exercise")
{
    const auto catalog = shipped();
    for (const auto& entry : fs::directory_iterator(illustrations_dir)) {
        if (entry.path().extension() != ".svg") continue;
        INFO(entry.path().filename().string());
        CHECK(catalog.find_exercise(entry.path().stem().string()) != nullptr);
    }
}

TEST_CASE("illustrations keep to the SVG subset NanoSVG draws")
{
    int count = 0;
    for (const auto& entry : fs::directory_iterator(illustrations_dir)) {
        if (entry.path().extension() != ".svg") continue;
        check_svg(entry.path(), "0 0 240 160");
        ++count;
    }
    CHECK(count == static_cast<int>(shipped().exercises.size()));
}

TEST_CASE("the app icon keeps to the same subset")
{
    check_svg(icon_file, "0 0 64 64");
}

TEST_CASE("the SVG check catches what NanoSVG cannot draw")
{
    CHECK_THROWS(start_tags("<svg><path d=\"M0 0\"</svg>"));
    const auto tags = start_tags(
        "<!-- a <text> in a comment is skipped -->"
        "<svg viewBox=\"0 0 1 1\"><g style=\"fill:red\"><text x=\"1\">hi</text></g></svg>");
    REQUIRE(tags.size() == 3);
    CHECK(tags[0].name == "svg");
    CHECK(tags[1].attributes == std::vector<std::string>{"style"});
    CHECK(allowed_attributes.count(tags[1].attributes[0]) == 0);
    CHECK(allowed_elements.count(tags[2].name) == 0);
}

namespace {

std::size_t count_of(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("every illustration draws a start and an end pose, each a whole picture")
{
    for (const auto& e : shipped().exercises) {
        INFO(e.id);
        const std::string svg = slurp(illustrations_dir / (e.id + ".svg"));
        REQUIRE(limber::has_poses(svg));
        CHECK(count_of(svg, "<g id=\"start\" opacity=\"0.35\">") == 1);
        CHECK(count_of(svg, "<g id=\"end\">") == 1);
        const std::string start = limber::pose_svg(svg, limber::Pose::Start);
        const std::string end = limber::pose_svg(svg, limber::Pose::End);
        // Each frame holds its own pose, solid, and nothing of the other.
        CHECK(count_of(start, "<g id=\"start\">") == 1);
        CHECK(count_of(start, "id=\"end\"") == 0);
        CHECK(count_of(end, "id=\"start\"") == 0);
        CHECK(count_of(end, "<g id=\"end\">") == 1);
        // Both are still well-formed and drawable, and the two differ by more than a stroke.
        std::vector<Tag> start_tags_seen, end_tags_seen;
        REQUIRE_NOTHROW(start_tags_seen = start_tags(start));
        REQUIRE_NOTHROW(end_tags_seen = start_tags(end));
        CHECK(start_tags_seen.size() >= 4);
        CHECK(end_tags_seen.size() >= 4);
        CHECK(count_of(start, "<g") == count_of(svg, "<g") - 1);  // pose groups hold no groups
        CHECK(start != end);
    }
}

TEST_CASE("pose_svg takes one pose out of the two")
{
    const std::string svg = "<svg><path d=\"M0 0\"/>"
                            "<g id=\"start\" opacity=\"0.35\"><circle r=\"1\"/></g>"
                            "<g id=\"end\"><rect x=\"1\"/></g></svg>";
    CHECK(limber::pose_svg(svg, limber::Pose::Start) == "<svg><path d=\"M0 0\"/><g id=\"start\"><circle r=\"1\"/></g></svg>");
    CHECK(limber::pose_svg(svg, limber::Pose::End) == "<svg><path d=\"M0 0\"/><g id=\"end\"><rect x=\"1\"/></g></svg>");
    // One picture and no poses: the same picture for both.
    const std::string still = "<svg><g opacity=\"0.35\"><circle r=\"1\"/></g></svg>";
    CHECK_FALSE(limber::has_poses(still));
    CHECK(limber::pose_svg(still, limber::Pose::Start) == still);
    CHECK(limber::pose_svg(still, limber::Pose::End) == still);
}

TEST_CASE("the picture follows the steps: start, into the hold, back out")
{
    const auto catalog = shipped();
    using limber::Pose;
    using limber::RoutineStep;
    // Chin tucks, two reps: ease in (end), hold (end), release (start), and again.
    const auto steps = limber::routine_steps(catalog, {{"chin-tucks", limber::DoseStep{2, 5}}});
    std::vector<RoutineStep::Phase> phases;
    std::vector<Pose> poses;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        phases.push_back(steps[i].phase);
        poses.push_back(limber::pose_at(steps, i, steps[i].length));
    }
    using P = RoutineStep::Phase;
    REQUIRE(phases == std::vector<P>{P::Move, P::Hold, P::Release, P::Move, P::Hold, P::Release});
    CHECK(poses == std::vector<Pose>{Pose::End, Pose::End, Pose::Start, Pose::End, Pose::End, Pose::Start});
    CHECK(limber::pose_at(steps, 1, limber::Seconds{1}) == Pose::End);  // all through the hold
    CHECK(limber::pose_at(steps, steps.size(), limber::Seconds{0}) == Pose::Start);

    // Getting into position (the doorway) shows where to start.
    const auto doorway = limber::routine_steps(catalog, {{"doorway-pec-stretch", limber::DoseStep{1, 20}}});
    REQUIRE(doorway.front().phase == P::Setup);
    CHECK(limber::pose_at(doorway, 0, doorway.front().length) == Pose::Start);

    // Cat-cow has no hold: each breath goes start (breathing in) then end (breathing out).
    const limber::Exercise* cat_cow = catalog.find_exercise("cat-cow");
    REQUIRE(cat_cow != nullptr);
    REQUIRE(cat_cow->dose.with_breath);
    const auto breaths = limber::routine_steps(catalog, {{"cat-cow", limber::DoseStep{3, 0}}});
    const std::size_t first = breaths.front().phase == RoutineStep::Phase::Setup ? 1 : 0;
    const RoutineStep& breath = breaths[first];
    REQUIRE(breath.phase == RoutineStep::Phase::Move);
    REQUIRE(breath.length.count() >= 2);
    CHECK(limber::pose_at(breaths, first, breath.length) == Pose::Start);
    CHECK(limber::pose_at(breaths, first, breath.length / 2 + limber::Seconds{1}) == Pose::Start);
    CHECK(limber::pose_at(breaths, first, breath.length / 2) == Pose::End);
    CHECK(limber::pose_at(breaths, first, limber::Seconds{1}) == Pose::End);
}

#include "limber/routine_steps.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using limber::RoutineStep;
using Phase = limber::RoutineStep::Phase;
using namespace std::chrono_literals;

namespace {
const limber::Catalog& catalog()
{
    return limber::test::shipped_catalog();
}
}  // namespace

TEST_CASE("a held exercise is ease in, hold, ease out, for every rep")
{
    const auto steps = limber::routine_steps(catalog(), {{"chin-tucks", {2, 5}}});
    REQUIRE(steps.size() == 6);
    CHECK(steps[0].phase == Phase::Move);
    CHECK(steps[0].length == 1s);
    CHECK(steps[1].phase == Phase::Hold);
    CHECK(steps[1].length == 5s);
    CHECK(steps[2].phase == Phase::Release);
    CHECK(steps[2].length == 2s);
    CHECK(steps[3].rep == 2);
    CHECK(steps[3].reps == 2);
    CHECK(limber::total_length(steps) == 16s);
}

TEST_CASE("per-side exercises run left then right, after getting into position")
{
    const auto steps = limber::routine_steps(catalog(), {{"thread-the-needle", {1, 20}}});
    REQUIRE(steps.size() == 7);
    CHECK(steps[0].phase == Phase::Setup);
    CHECK(steps[0].length == 15s);
    CHECK(steps[1].side == "left");
    CHECK(steps[4].side == "right");
    CHECK(steps[5].phase == Phase::Hold);
}

TEST_CASE("moves without a hold are one step per rep, and steps match the exercise's length")
{
    const auto steps = limber::routine_steps(catalog(), {{"cat-cow", {10, 0}}, {"missing", {1, 1}}});
    REQUIRE(steps.size() == 11);
    CHECK(steps[1].phase == Phase::Move);
    CHECK(steps[1].length == 10s);
    for (const auto& e : catalog().exercises) {
        INFO(e.id);
        CHECK(limber::total_length(limber::routine_steps(catalog(), {{e.id, e.easiest()}})) == e.length(e.easiest()));
    }
}

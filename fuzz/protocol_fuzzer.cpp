// libFuzzer target: the control socket's line parser, both ways. Whatever the bytes, a request
// line is parsed without throwing or crashing, a request that parses survives to_line() and
// back unchanged, and the client's parser of replies throws only what it documents.
#include "limber/protocol.hpp"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const auto parsed = limber::protocol::parse_request(line);
    if (const auto* request = std::get_if<limber::protocol::Request>(&parsed)) {
        std::string again = limber::protocol::to_line(*request);
        again.pop_back();  // the newline
        const auto reparsed = limber::protocol::parse_request(again);
        const auto* same = std::get_if<limber::protocol::Request>(&reparsed);
        if (!same || !(*same == *request)) std::abort();  // to_line() must read back unchanged
    }
    try {
        (void)limber::protocol::parse_server_message(line);
    } catch (const std::runtime_error&) {
        // documented: neither a reply nor an event
    }
    return 0;
}

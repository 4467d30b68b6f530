// Reading the fields of a JSON object that limberd wrote, for the typed readers of replies and
// events. Every mistake names the message and the field, the way bad requests are reported:
// `status: "earned_seconds" must be an integer, not string`.
#pragma once

#include "limber/error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace limber::json_fields {

class Fields {
public:
    // `what` names the message ("status"); `path` leads each field's name ("previous.").
    Fields(const nlohmann::json& j, std::string what, std::string path = "") : j_(j), what_(std::move(what)), path_(std::move(path))
    {
        if (!j_.is_object())
            throw MessageError(what_ + ": " + (path_.empty() ? std::string("the message") : quote(path_.substr(0, path_.size() - 1))) +
                               " must be an object, not " + j_.type_name());
    }

    [[nodiscard]] std::string string(const char* key) const { return get(key, "a string", &nlohmann::json::is_string).get<std::string>(); }
    [[nodiscard]] std::string string_or_null(const char* key) const  // null reads as ""
    {
        const auto& v = get(key, "a string or null", [](const nlohmann::json& x) { return x.is_string() || x.is_null(); });
        return v.is_null() ? std::string() : v.get<std::string>();
    }
    [[nodiscard]] std::int64_t integer(const char* key) const { return get(key, "an integer", &fits).get<std::int64_t>(); }
    [[nodiscard]] std::optional<std::int64_t> integer_or_null(const char* key) const
    {
        const auto& v = get(key, "an integer or null", [](const nlohmann::json& x) { return fits(x) || x.is_null(); });
        return v.is_null() ? std::nullopt : std::optional<std::int64_t>(v.get<std::int64_t>());
    }
    [[nodiscard]] std::optional<double> number_or_null(const char* key) const
    {
        const auto& v = get(key, "a number or null", [](const nlohmann::json& x) { return x.is_number() || x.is_null(); });
        return v.is_null() ? std::nullopt : std::optional<double>(v.get<double>());
    }
    [[nodiscard]] bool boolean(const char* key) const { return get(key, "a boolean", &nlohmann::json::is_boolean).get<bool>(); }
    [[nodiscard]] const nlohmann::json& array(const char* key) const { return get(key, "an array", &nlohmann::json::is_array); }
    // The fields of an object inside this one.
    [[nodiscard]] Fields object(const char* key) const
    {
        return Fields(get(key, "an object", &nlohmann::json::is_object), what_, path_ + key + ".");
    }
    // The i-th element of the array `key`, as an object.
    [[nodiscard]] Fields element(const char* key, std::size_t i) const
    {
        return Fields(array(key)[i], what_, path_ + key + "[" + std::to_string(i) + "].");
    }
    // A field that is there and of its type, but not one of the values it may take.
    [[noreturn]] void bad(const char* key, const std::string& want) const
    {
        throw MessageError(what_ + ": " + name(key) + " must be " + want + ", not " + j_.at(key).dump());
    }

private:
    static bool fits(const nlohmann::json& x)
    {
        return x.is_number_integer() && !(x.is_number_unsigned() && x.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX));
    }
    static std::string quote(const std::string& s) { return "\"" + s + "\""; }
    [[nodiscard]] std::string name(const char* key) const { return quote(path_ + key); }

    template <typename Check>
    const nlohmann::json& get(const char* key, const char* want, Check check) const
    {
        const auto it = j_.find(key);
        if (it == j_.end()) throw MessageError(what_ + ": " + name(key) + " is missing");
        bool ok = false;
        if constexpr (std::is_member_function_pointer_v<Check>) ok = ((*it).*check)();
        else ok = check(*it);
        if (!ok) throw MessageError(what_ + ": " + name(key) + " must be " + want + ", not " + it->type_name());
        return *it;
    }

    const nlohmann::json& j_;
    std::string what_;
    std::string path_;
};

}  // namespace limber::json_fields

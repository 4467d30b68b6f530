// The weekly summary: did I take my breaks, and is my sitting getting better?
#pragma once

#include "limber/protocol.hpp"
#include <wx/frame.h>

#include <functional>
#include <string>

class wxStaticText;
class wxPanel;

namespace limber::tray {

class SummaryWindow final : public wxFrame {
public:
    // `fetch` asks limberd for a week ("" for this week) without waiting: the answer comes to
    // show_report(), or show_error() with a message to show.
    using Fetch = std::function<void(const std::string& week, SummaryWindow& window)>;
    // `exporter` asks limberd for the raw records between two days ("YYYY-MM-DD", inclusive)
    // as CSV or JSON text, without waiting: the text comes to save_export() with `path`, or a
    // message to export_failed().
    using Export = std::function<void(const std::string& from, const std::string& to, bool csv, const std::string& path, SummaryWindow& window)>;
    SummaryWindow(Fetch fetch, std::function<std::string(const std::string&)> routine_name, Export exporter = {});
    // Asks for a week; the window shows it when it comes.
    void show_week(const std::string& week);
    void show_report(protocol::SummaryReport report);
    void show_error(const std::string& message);
    void save_export(const std::string& path, const std::string& content);
    void export_failed(const std::string& message);

private:
    void paint_chart(wxPaintEvent& event);
    void export_week(bool csv);
    Fetch fetch_;
    Export export_;
    std::function<std::string(const std::string&)> routine_name_;
    std::optional<protocol::SummaryReport> data_;  // empty until a week was read
    std::string week_;
    wxStaticText* title_ = nullptr;
    wxStaticText* headline_ = nullptr;
    wxStaticText* figures_ = nullptr;
    wxStaticText* changes_ = nullptr;
    wxStaticText* footer_ = nullptr;
    wxPanel* chart_ = nullptr;
};

}  // namespace limber::tray

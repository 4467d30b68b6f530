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
    // `fetch` asks limberd for a week ("" for this week) and returns the summary JSON, or
    // throws with a message to show.
    using Fetch = std::function<protocol::SummaryReport(const std::string& week)>;
    // `exporter` asks limberd for the raw records between two days ("YYYY-MM-DD", inclusive)
    // as CSV or JSON text, or throws with a message to show.
    using Export = std::function<std::string(const std::string& from, const std::string& to, bool csv)>;
    SummaryWindow(Fetch fetch, std::function<std::string(const std::string&)> routine_name, Export exporter = {});
    void show_week(const std::string& week);

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

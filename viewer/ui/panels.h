#pragma once
// The viewer's panels: each a plain function of the frame state. A panel reads the
// FrameState (and, for long lists and source text, the TraceIndex through getters), draws
// with ImGui, and reports what the user did only by changing the ViewState or the UiState.
// Window placement is fixed (ImGui 1.86 has no docking) and computed once per frame by
// compute_layout(), so the screen reads the same way on every run.
#include "viewer/core/document.h"
#include "viewer/core/frame_state.h"
#include "viewer/core/recent_files.h"

#include <imgui.h>
#include <optional>
#include <string>
#include <vector>

namespace loopsim::viewer::ui {

// What the UI keeps between frames besides the ViewState.
struct UiState {
    std::optional<Document> doc;
    std::string error; // shown in the window instead of a trace
    RecentFiles recent;
    std::string recent_path;  // where `recent` is saved; empty: not saved
    std::string open_request; // set by the File menu or a drop; the app opens it
    // The outcome selector (Run menu): the outputs explore found for the open scenario, and
    // the one the user picked (the app opens its run).
    std::optional<node::Exploration> outcomes;
    std::string outcomes_error;
    bool show_outcomes = false;
    std::optional<size_t> outcome_request;
    size_t current_outcome = 0; // 0-based index into outcomes->outputs of the open run
    // Live edit (the source panel's Edit box): the text being edited, whether it changed
    // since the last run, and why the last edit could not run (the old run stays open).
    bool editing = false;
    std::vector<char> edit_buffer;
    bool edit_changed = false;
    std::string edit_error;
    bool show_help = false;
    bool quit = false;
    float play_carry = 0;
    size_t last_console_count = 0;
    uint32_t last_source_line = 0;
};

struct ScreenLayout {
    ImVec2 controls_pos, controls_size;
    ImVec2 reason_pos, reason_size;
    ImVec2 source_pos, source_size;
    ImVec2 console_pos, console_size;
    ImVec2 board_pos, board_size;
    ImVec2 timeline_pos, timeline_size;
};
ScreenLayout compute_layout(ImVec2 display, float menu_height, float line_height);

void draw_menu_bar(UiState& ui);
void draw_controls(const TraceIndex& index, const FrameState& frame, ViewState& view,
                   const ScreenLayout& layout);
void draw_reason(const FrameState& frame, const ScreenLayout& layout);
void draw_source(const TraceIndex& index, const FrameState& frame, UiState& ui,
                 const ScreenLayout& layout);
void draw_console(const TraceIndex& index, const FrameState& frame, UiState& ui,
                  const ScreenLayout& layout);
// The board: queue boxes, workers and the call stack, with the cards in flight.
void draw_board(const TraceIndex& index, const FrameState& frame, ViewState& view,
                const ScreenLayout& layout);
// One card and one box of the board, at `origin` (the canvas's top left corner).
void draw_card(ImDrawList* list, ImVec2 origin, const CardView& card, bool lifted);
void draw_box(ImDrawList* list, ImVec2 origin, const BoxView& box);
// The call stack box inside the board (its frames, innermost on top).
void draw_call_stack_box(ImDrawList* list, ImVec2 origin, const BoxView& box,
                         const FrameState& frame);
void draw_timeline(const TraceIndex& index, const FrameState& frame, ViewState& view,
                   const ScreenLayout& layout);
void draw_help(UiState& ui);
// The outcome selector: each output of the open scenario with the choices behind it.
void draw_outcomes(UiState& ui);
// Shown instead of the panels when nothing is open or opening failed.
void draw_message(UiState& ui, ImVec2 display, float menu_height);
// Keyboard shortcuts (listed in the Help window).
void handle_shortcuts(const TraceIndex& index, ViewState& view, UiState& ui);

} // namespace loopsim::viewer::ui

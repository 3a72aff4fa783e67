#pragma once
// The flags of the viewer's fixed panels: placed by compute_layout(), never moved, resized,
// collapsed or saved (io.IniFilename is null: nothing is written to the working directory).
#include <imgui.h>

namespace loopsim::viewer::ui {

inline constexpr ImGuiWindowFlags kFixedPanel =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

} // namespace loopsim::viewer::ui

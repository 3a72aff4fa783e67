#pragma once
// Screenshots for the headless mode: read the back buffer after rendering, write a PNG, and
// judge whether the picture is blank (so the Xvfb smoke test can fail on an empty window).
#include <cstdint>
#include <string>
#include <vector>

namespace loopsim::viewer::app {

struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba; // bottom row first, as OpenGL reads it
};

// Reads the current framebuffer (call after rendering and glFinish, before the swap).
Pixels read_back_buffer(int width, int height);
// Writes the pixels top row first; false if the file cannot be written.
bool write_png(const Pixels& pixels, const std::string& path);

struct BlankCheck {
    size_t distinct_colours = 0; // among a sample of pixels
    double non_background = 0;   // fraction of pixels that differ from the most common colour
    bool is_blank() const { return distinct_colours < 16 || non_background < 0.05; }
};
BlankCheck check_blank(const Pixels& pixels);

} // namespace loopsim::viewer::app

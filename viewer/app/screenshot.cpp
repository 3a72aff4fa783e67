// Back-buffer read-back, PNG writing (stb_image_write from Debian's libstb) and the
// blank-picture check. See screenshot.h.
#include "viewer/app/screenshot.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <map>
#include <stb_image_write.h>

namespace loopsim::viewer::app {

Pixels read_back_buffer(int width, int height) {
    Pixels p;
    p.width = width;
    p.height = height;
    p.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, p.rgba.data());
    for (size_t i = 3; i < p.rgba.size(); i += 4) p.rgba[i] = 255;
    return p;
}

bool write_png(const Pixels& p, const std::string& path) {
    stbi_flip_vertically_on_write(1);
    return stbi_write_png(path.c_str(), p.width, p.height, 4, p.rgba.data(), p.width * 4) != 0;
}

BlankCheck check_blank(const Pixels& p) {
    BlankCheck check;
    const size_t n = static_cast<size_t>(p.width) * static_cast<size_t>(p.height);
    if (n == 0) return check;
    // Count colours on every pixel (an ordered map: the result never depends on hashing).
    std::map<uint32_t, size_t> counts;
    for (size_t i = 0; i < n; ++i) {
        const uint8_t* px = &p.rgba[i * 4];
        const uint32_t key = (uint32_t{px[0]} << 16) | (uint32_t{px[1]} << 8) | px[2];
        ++counts[key];
    }
    size_t most = 0;
    for (const auto& [colour, count] : counts) most = std::max(most, count);
    check.distinct_colours = counts.size();
    check.non_background = 1.0 - static_cast<double>(most) / static_cast<double>(n);
    return check;
}

} // namespace loopsim::viewer::app

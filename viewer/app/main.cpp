// loopsim-viewer: the GLFW + OpenGL 3.3 main loop, as in Dear ImGui's example_glfw_opengl3:
// poll, new frame, build_frame, panels, render. Also the headless mode for tests and docs
// (--step K --frames N --screenshot out.png) and CPU timings for performance reports.
#include "traces/json_writer.h"
#include "viewer/app/screenshot.h"
#include "viewer/core/document.h"
#include "viewer/core/playback.h"
#include "viewer/core/sample_traces.h"
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

using namespace loopsim;
using namespace loopsim::viewer;

namespace {

struct Options {
    std::string open;       // a path or "sample:NAME"
    long step = -1;         // --step K
    int frames = 0;         // --frames N: render N frames, then exit (0: interactive)
    std::string screenshot; // --screenshot out.png
    int width = 1280, height = 800;
    float progress = 1.0f; // --progress P: card animation at the screenshot
    bool check_not_blank = false;
    bool timing = false;     // print CPU time per frame and load time to stderr
    long stress = 0;         // --stress N: a synthetic trace of N events
    std::string write_trace; // --write-trace out.json: save the opened trace and exit
    long outcome = 0;        // --outcome K: open the run behind explore's output K (1-based)
    bool edit = false;       // --edit: start with the source panel in live edit
};

const char* kUsage =
    "usage: loopsim-viewer [TRACE.json | SCENARIO.js | --sample NAME] [options]\n"
    "  --sample NAME          open a built-in sample (see the File menu for the list)\n"
    "  --step K               start at step K\n"
    "  --edit                 a scenario: start with its source open for live edit\n"
    "  --outcome K            a scenario: open the run behind explore's output K, with the\n"
    "                         Outcomes window shown (Run > Other outcomes)\n"
    "  --frames N             render N frames and exit (headless mode, e.g. under xvfb-run)\n"
    "  --screenshot OUT.png   write the last frame to a PNG (with --frames)\n"
    "  --size WxH             window size (default 1280x800)\n"
    "  --progress P           card animation progress 0..1 at the screenshot (default 1)\n"
    "  --check-not-blank      exit 3 if the screenshot looks blank\n"
    "  --timing               print load time and per-frame CPU time to stderr\n"
    "  --stress N             open a synthetic trace of at least N events\n"
    "  --write-trace OUT      write the opened trace as JSON and exit\n";

bool parse_options(int argc, char** argv, Options& o, std::string& error) {
    auto need = [&](int& i) -> const char* {
        if (i + 1 >= argc) {
            error = std::string(argv[i]) + " needs a value";
            return nullptr;
        }
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        const char* v = nullptr;
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else if (a == "--sample") {
            if (!(v = need(i))) return false;
            o.open = std::string("sample:") + v;
        } else if (a == "--edit") {
            o.edit = true;
        } else if (a == "--outcome") {
            if (!(v = need(i))) return false;
            o.outcome = std::strtol(v, nullptr, 10);
            if (o.outcome < 1) {
                error = "--outcome takes an output number from 1";
                return false;
            }
        } else if (a == "--step") {
            if (!(v = need(i))) return false;
            o.step = std::strtol(v, nullptr, 10);
        } else if (a == "--frames") {
            if (!(v = need(i))) return false;
            o.frames = std::max(1, std::atoi(v));
        } else if (a == "--screenshot") {
            if (!(v = need(i))) return false;
            o.screenshot = v;
        } else if (a == "--size") {
            if (!(v = need(i))) return false;
            if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 ||
                o.height < 240) {
                error = "--size takes WxH, at least 320x240";
                return false;
            }
        } else if (a == "--progress") {
            if (!(v = need(i))) return false;
            o.progress = std::clamp(static_cast<float>(std::atof(v)), 0.0f, 1.0f);
        } else if (a == "--check-not-blank") {
            o.check_not_blank = true;
        } else if (a == "--timing") {
            o.timing = true;
        } else if (a == "--stress") {
            if (!(v = need(i))) return false;
            o.stress = std::max(1L, std::strtol(v, nullptr, 10));
        } else if (a == "--write-trace") {
            if (!(v = need(i))) return false;
            o.write_trace = v;
        } else if (!a.empty() && a[0] == '-') {
            error = "unknown option " + a;
            return false;
        } else {
            o.open = a;
        }
    }
    if (!o.screenshot.empty() && o.frames == 0) o.frames = 3;
    return true;
}

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

ui::UiState* g_ui = nullptr; // for GLFW's drop callback, which has no user pointer of ours

void on_drop(GLFWwindow*, int count, const char** paths) {
    if (g_ui && count > 0) g_ui->open_request = paths[0];
}

void on_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "loopsim-viewer: GLFW error %d: %s\n", code, description);
}

// Opens `what` into the UI; errors stay in the window. Returns false on error.
bool open_into(ui::UiState& ui, ViewState& view, const std::string& what, bool timing) {
    const auto wall0 = std::chrono::steady_clock::now();
    sim::Result<Document> doc = open_document(what);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    if (!doc) {
        ui.error = doc.error().message;
        ui.doc.reset();
        return false;
    }
    ui.error.clear();
    ui.doc = std::move(doc).value();
    ui.doc->load_seconds = seconds;
    if (timing)
        std::fprintf(stderr, "open %s: %zu events in %.3f s\n", what.c_str(),
                     ui.doc->index->step_count(), seconds);
    view = ViewState{};
    fit_window(*ui.doc->index, view);
    ui.last_console_count = 0;
    ui.last_source_line = 0;
    if (!what.starts_with("sample:")) {
        std::error_code ec;
        std::string absolute = std::filesystem::absolute(what, ec).string();
        ui.recent.add(ec ? what : absolute);
        ui.recent.save(ui.recent_path);
    }
    return true;
}

// Opens the run behind output `k` of the explored outcomes, keeping the current step when
// the new run has it.
void open_outcome_into(ui::UiState& ui, ViewState& view, size_t k) {
    sim::Result<Document> doc = open_outcome(*ui.doc, ui.outcomes->outputs[k].choices);
    if (!doc) {
        ui.outcomes_error = doc.error().message;
        return;
    }
    const size_t step = view.step;
    ui.doc = std::move(doc).value();
    ui.current_outcome = k;
    view = ViewState{};
    fit_window(*ui.doc->index, view);
    go_to_step(*ui.doc->index, view, std::min(step, ui.doc->index->step_count() - 1));
    ui.last_console_count = 0;
    ui.last_source_line = 0;
}

void load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if (!std::filesystem::exists(font)) return; // ImGui's built-in font still works
    static ImVector<ImWchar> ranges;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    static const ImWchar extra[] = {0x2010, 0x2027, 0x2190, 0x21FF, 0x2500,
                                    0x25FF, 0x2700, 0x27BF, 0};
    builder.AddRanges(extra);
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.OversampleH = 2;
    io.Fonts->AddFontFromFileTTF(font, 15.0f * scale, &config, ranges.Data);
}

} // namespace

int main(int argc, char** argv) {
    Options opt;
    std::string error;
    if (!parse_options(argc, argv, opt, error)) {
        std::fprintf(stderr, "loopsim-viewer: %s\n%s", error.c_str(), kUsage);
        return 2;
    }

    ui::UiState ui;
    ui.recent_path = RecentFiles::default_path(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    const bool headless = opt.frames > 0;
    if (!headless)
        ui.recent.load(ui.recent_path);
    else
        ui.recent_path.clear(); // tests and docs never touch the user's recent list
    ViewState view;

    if (opt.stress > 0) {
        const auto wall0 = std::chrono::steady_clock::now();
        trace::Trace big = make_stress_trace(static_cast<size_t>(opt.stress));
        const double made =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
        const std::string path =
            opt.write_trace.empty() ? "/tmp/loopsim-stress.json" : opt.write_trace;
        if (auto written = trace::write_trace_file(big, path); !written) {
            std::fprintf(stderr, "loopsim-viewer: %s\n", written.error().message.c_str());
            return 1;
        }
        std::fprintf(stderr,
                     "stress trace: %zu events generated in %.3f s, written to %s (%ju bytes)\n",
                     big.events.size(), made, path.c_str(),
                     static_cast<uintmax_t>(std::filesystem::file_size(path)));
        opt.open = path;
        opt.write_trace.clear();
    }
    if (!opt.write_trace.empty()) {
        sim::Result<Document> doc = open_document(opt.open);
        if (!doc) {
            std::fprintf(stderr, "%s\n", doc.error().message.c_str());
            return 1;
        }
        if (auto w = trace::write_trace_file(doc.value().index->trace(), opt.write_trace); !w) {
            std::fprintf(stderr, "loopsim-viewer: %s\n", w.error().message.c_str());
            return 1;
        }
        return 0;
    }

    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    GLFWwindow* window =
        glfwCreateWindow(opt.width, opt.height, "loopsim viewer", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(headless ? 0 : 1);
    g_ui = &ui;
    glfwSetDropCallback(window, on_drop);

    float scale_x = 1, scale_y = 1;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    const float scale = std::clamp(std::max(scale_x, scale_y), 1.0f, 4.0f);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // never write imgui.ini into the working directory
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::apply_style(scale);
    load_fonts(scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    if (!opt.open.empty()) open_into(ui, view, opt.open, opt.timing);
    if (ui.doc && opt.outcome > 0) {
        sim::Result<node::Exploration> found = explore_document(*ui.doc);
        if (!found) {
            std::fprintf(stderr, "loopsim-viewer: %s\n", found.error().message.c_str());
            return 1;
        }
        ui.outcomes = std::move(found).value();
        if (static_cast<size_t>(opt.outcome) > ui.outcomes->outputs.size()) {
            std::fprintf(stderr, "loopsim-viewer: --outcome %ld: the scenario has %zu outputs\n",
                         opt.outcome, ui.outcomes->outputs.size());
            return 2;
        }
        open_outcome_into(ui, view, static_cast<size_t>(opt.outcome - 1));
        ui.show_outcomes = true;
    }
    if (ui.doc && ui.doc->scenario && opt.edit) {
        const std::string& source = ui.doc->scenario->source;
        ui.edit_buffer.assign(source.begin(), source.end());
        ui.edit_buffer.resize(source.size() + 65536, '\0');
        ui.editing = true;
    }
    if (ui.doc && opt.step >= 0) {
        go_to_step(*ui.doc->index, view, static_cast<size_t>(opt.step));
        view.anim_progress = opt.progress;
    }

    std::vector<double> frame_cpu;
    int frame = 0;
    int exit_code = 0;
    while (!glfwWindowShouldClose(window) && !ui.quit) {
        glfwPollEvents();
        if (!ui.open_request.empty()) {
            std::string what = std::move(ui.open_request);
            ui.open_request.clear();
            open_into(ui, view, what, opt.timing);
            ui.outcomes.reset();
            ui.outcomes_error.clear();
            ui.current_outcome = 0;
            ui.editing = false;
            ui.edit_error.clear();
        }
        if (ui.edit_changed && ui.doc) {
            ui.edit_changed = false;
            std::string source(ui.edit_buffer.data());
            sim::Result<Document> doc = rerun_with_source(*ui.doc, std::move(source));
            if (!doc) {
                ui.edit_error = doc.error().message;
            } else {
                const size_t step = view.step;
                ui.edit_error.clear();
                ui.doc = std::move(doc).value();
                ui.outcomes.reset(); // explore again for the new source
                ui.current_outcome = 0;
                view = ViewState{};
                fit_window(*ui.doc->index, view);
                go_to_step(*ui.doc->index, view, std::min(step, ui.doc->index->step_count() - 1));
                ui.last_console_count = 0;
            }
        }
        if (ui.outcome_request && ui.doc && ui.outcomes) {
            const size_t k = *ui.outcome_request;
            ui.outcome_request.reset();
            if (k < ui.outcomes->outputs.size()) open_outcome_into(ui, view, k);
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        const double cpu0 = thread_cpu_seconds();
        ImGui::NewFrame();
        ui::draw_menu_bar(ui);
        const float menu_h = ImGui::GetFrameHeight();
        if (ui.doc) {
            const TraceIndex& index = *ui.doc->index;
            ui::handle_shortcuts(index, view, ui);
            if (!headless) tick(index, view, io.DeltaTime, ui.play_carry);
            clamp_view(index, view);
            const FrameState state = build_frame(index, view);
            const ui::ScreenLayout layout =
                ui::compute_layout(io.DisplaySize, menu_h, ImGui::GetTextLineHeight());
            ui::draw_controls(index, state, view, layout);
            ui::draw_reason(state, layout);
            ui::draw_source(index, state, ui, layout);
            ui::draw_console(index, state, ui, layout);
            ui::draw_board(index, state, view, layout);
            ui::draw_timeline(index, state, view, layout);
        } else {
            ui::draw_message(ui, io.DisplaySize, menu_h);
        }
        ui::draw_help(ui);
        ui::draw_outcomes(ui);
        ImGui::Render();
        frame_cpu.push_back(thread_cpu_seconds() - cpu0);

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame;
        if (headless && frame >= opt.frames) {
            glFinish();
            if (!opt.screenshot.empty()) {
                app::Pixels pixels = app::read_back_buffer(fb_w, fb_h);
                if (!app::write_png(pixels, opt.screenshot)) {
                    std::fprintf(stderr, "loopsim-viewer: cannot write %s\n",
                                 opt.screenshot.c_str());
                    exit_code = 1;
                }
                if (opt.check_not_blank) {
                    app::BlankCheck check = app::check_blank(pixels);
                    std::fprintf(stderr, "screenshot %dx%d: %zu colours, %.1f%% non-background\n",
                                 fb_w, fb_h, check.distinct_colours, check.non_background * 100);
                    if (check.is_blank()) exit_code = 3;
                }
            }
            if (!ui.error.empty()) {
                std::fprintf(stderr, "%s\n", ui.error.c_str());
                if (exit_code == 0) exit_code = 4;
            }
            break;
        }
        glfwSwapBuffers(window);
    }

    if (opt.timing && !frame_cpu.empty()) {
        std::vector<double> sorted = frame_cpu;
        std::sort(sorted.begin(), sorted.end());
        const double median = sorted[sorted.size() / 2];
        const double worst = sorted.back();
        std::fprintf(stderr,
                     "frames: %zu, CPU per frame (build_frame + panels + ImGui::Render): median "
                     "%.3f ms, max %.3f ms\n",
                     sorted.size(), median * 1e3, worst * 1e3);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

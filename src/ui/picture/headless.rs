//! A GPU device without a window, for `atlas render`: the same wgpu renderer the window uses,
//! on whatever adapter the machine has (a software one included). `WGPU_BACKEND` picks the
//! backend, as it does for the window.

use eframe::egui_wgpu::{self, RenderState, WgpuConfiguration, WgpuSetup};

/// A render state with no surface, or why there is none (never a panic).
pub fn headless_render_state() -> Result<RenderState, String> {
    let setup = WgpuSetup::without_display_handle();
    let instance = pollster::block_on(setup.new_instance());
    let config = WgpuConfiguration {
        wgpu_setup: setup,
        ..WgpuConfiguration::default()
    };
    pollster::block_on(RenderState::create(
        &config,
        &instance,
        None,
        egui_wgpu::RendererOptions::default(),
    ))
    .map_err(|e| {
        format!(
            "no graphics device to draw the picture with ({e}); \
             install a Vulkan or OpenGL driver (Mesa's llvmpipe works) or set WGPU_BACKEND=gl"
        )
    })
}

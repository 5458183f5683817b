//! `atlas render`: a picture of the network (or the map) for slides or print, with no window:
//! the layout run to rest, then the network view's own painter drawn off screen (PNG) or its
//! shapes written as SVG. A trainer can build a deck of slides in a batch.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::output::out;
use crate::graph::{AtlasGraph, load_graph_file};
use crate::io::picture::write_png;
use crate::io::svg::write_svg;
use crate::layout::ForceLayout;
use crate::model::text_rules::escape_controls;
use crate::ui::command::Command;
use crate::ui::picture::{
    PictureFormat, PictureSize, PictureSpec, Subject, focus_of, headless_render_state, render_png,
    render_svg,
};
use crate::ui::state::{AppState, Canvas, Prefs};
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;
use crate::ui::views::map::MapView;
use crate::ui::views::network::{NetworkView, layout_params};

/// The layout stops here even if it has not come to rest (it has, long before, on real atlases).
const MAX_LAYOUT_STEPS: u32 = 3_000;
/// The largest side asked for, in pixels (the GPU's texture limit on many machines).
const MAX_SIDE: u32 = 8_192;

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The dataset (.ron) to draw.
    file: PathBuf,
    /// The picture's size in pixels, WIDTHxHEIGHT (before --scale).
    #[arg(long, default_value = "1920x1080")]
    size: String,
    /// Show only what exists on this date: YYYY, YYYY-MM or YYYY-MM-DD (a year or month
    /// stands at its last day). Overrides a story step's date.
    #[arg(long)]
    as_of: Option<String>,
    /// Show only actors of this region (id or name).
    #[arg(long)]
    region: Option<String>,
    /// Select this actor (id, name or alias) and frame it with its neighbours.
    #[arg(long)]
    focus: Option<String>,
    /// Show a story step (story id or title): its date, focus and map.
    #[arg(long, requires = "step")]
    story: Option<String>,
    /// The step of --story, from 1.
    #[arg(long, requires = "story")]
    step: Option<usize>,
    /// Draw the world map instead of the network (PNG only).
    #[arg(long)]
    map: bool,
    /// Leave out the caption band (and the caption text in the file).
    #[arg(long)]
    no_caption: bool,
    /// 2 doubles the pixels of the same picture.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
    scale: u8,
    /// Dark background instead of light.
    #[arg(long)]
    dark: bool,
    /// The file to write: .png for slides, .svg (network only) for print.
    #[arg(short, long)]
    out: PathBuf,
}

/// Draws the picture the arguments ask for and prints the file written.
pub fn run(args: RenderArgs) -> Result<ExitCode, String> {
    let format = format_of(&args.out)?;
    let (width, height) = parse_size(&args.size, args.scale)?;
    let loaded = load_graph_file(&args.file).map_err(|e| e.to_string())?;
    let mut state = AppState::new(loaded, Prefs::default());
    set_up_view(&mut state, &args)?;
    if format == PictureFormat::Svg && state.prefs.canvas == Canvas::Map {
        return Err(format!(
            "-o {}: the map is drawn as PNG only; use a .png file, or leave out --map",
            shown(&args.out)
        ));
    }
    let spec = PictureSpec {
        size: PictureSize::Pixels { width, height },
        scale: f32::from(args.scale),
        caption: !args.no_caption,
        format,
    };
    let palette = Palette {
        dark: args.dark,
        high_contrast: false,
    };
    let focus_id = args.focus.as_deref().and_then(|f| actor_id(&state, f));
    let focus = focus_of(&state, focus_id.as_deref());
    match format {
        PictureFormat::Svg => {
            let mut view = laid_out(&state);
            let picture = render_svg(&state, &mut view, &focus, &spec, palette);
            write_svg(&args.out, &picture, Some(&args.file)).map_err(|e| e.to_string())?;
        }
        PictureFormat::Png => write_picture(&state, &args, &spec, &focus, palette)?,
    }
    out!("{}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn write_picture(
    state: &AppState,
    args: &RenderArgs,
    spec: &PictureSpec,
    focus: &[String],
    palette: Palette,
) -> Result<(), String> {
    let render_state = headless_render_state()?;
    // The map needs no layout: only the network waits for one.
    let mut map = MapView::default();
    let mut network = (state.prefs.canvas == Canvas::Network).then(|| laid_out(state));
    let subject = match network.as_mut() {
        Some(view) => Subject::Network { view, focus },
        None => Subject::Map(&mut map),
    };
    let rendered = render_png(&render_state, state, subject, spec, 1.0, palette)
        .map_err(|e| format!("{}: the picture could not be drawn: {e}", shown(&args.out)))?;
    if let Some(max) = rendered.picture.clamped_to {
        return Err(format!(
            "--size {}: larger than this graphics device allows ({max} pixels a side)",
            args.size
        ));
    }
    let image = &rendered.picture.image;
    let size = [image.size[0] as u32, image.size[1] as u32];
    write_png(
        &args.out,
        size,
        image.as_raw(),
        rendered.caption.as_ref(),
        Some(&args.file),
    )
    .map_err(|e| e.to_string())
}

/// The story step first, then the flags, which override what the step set.
fn set_up_view(state: &mut AppState, args: &RenderArgs) -> Result<(), String> {
    if let (Some(story), Some(step)) = (&args.story, args.step) {
        let (index, steps) = find_story(state.dataset.graph.as_ref(), story)?;
        if step == 0 || step > steps {
            return Err(format!(
                "--step {step}: the story \"{}\" has steps 1 to {steps}",
                escape_controls(story)
            ));
        }
        state.apply(Command::StartStory(index));
        state.apply(Command::StoryStep(step as isize - 1));
    }
    let mut filter = state.filter().clone();
    if let Some(text) = &args.as_of {
        let day = super::diff::cursor_day(text, "--as-of")?;
        filter = filter.at(Some(day));
    }
    if let Some(region) = &args.region {
        filter.regions = [find_region(state.dataset.graph.as_ref(), region)?].into();
    }
    if filter != *state.filter() {
        state.apply(Command::SetFilter(filter));
    }
    if let Some(what) = &args.focus {
        let id = actor_id(state, what).ok_or_else(|| {
            format!(
                "--focus {}: no actor with that id, name or alias",
                escape_controls(what)
            )
        })?;
        state.apply(Command::Select(Selection::Actor(id)));
    }
    if args.map {
        state.apply(Command::SetCanvas(Canvas::Map));
    }
    // Frames asked for by the story are the picture's to make, once, not an animation's.
    state.requests.clear();
    Ok(())
}

fn actor_id(state: &AppState, what: &str) -> Option<String> {
    let graph = state.dataset.graph.as_ref();
    super::find_actor(graph, what).map(|n| graph.actor(n).id.clone())
}

fn find_story(graph: &AtlasGraph, what: &str) -> Result<(usize, usize), String> {
    let stories = &graph.atlas().stories;
    stories
        .iter()
        .position(|s| s.id == what || s.title.eq_ignore_ascii_case(what))
        .map(|i| (i, stories[i].steps.len()))
        .ok_or_else(|| {
            let ids: Vec<&str> = stories.iter().map(|s| s.id.as_str()).collect();
            format!(
                "--story {}: no such story; the atlas has: {}",
                escape_controls(what),
                ids.join(", ")
            )
        })
}

fn find_region(graph: &AtlasGraph, what: &str) -> Result<String, String> {
    let regions = &graph.atlas().regions;
    regions
        .iter()
        .find(|r| r.id == what || r.name.eq_ignore_ascii_case(what))
        .map(|r| r.id.clone())
        .ok_or_else(|| {
            let ids: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
            format!(
                "--region {}: no such region; the atlas has: {}",
                escape_controls(what),
                ids.join(", ")
            )
        })
}

/// "1920x1080" (or 1920×1080) times the scale, within what a GPU texture can hold.
fn parse_size(text: &str, scale: u8) -> Result<(u32, u32), String> {
    let bad = |why: &str| format!("--size {}: {why}", escape_controls(text));
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| bad("expected WIDTHxHEIGHT in pixels, e.g. 1920x1080"))?;
    let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| *n >= 16);
    let (Some(width), Some(height)) = (number(w), number(h)) else {
        return Err(bad(
            "width and height must be whole numbers of pixels, at least 16",
        ));
    };
    let largest = width.max(height) * u32::from(scale);
    if largest > MAX_SIDE {
        return Err(bad(&format!(
            "at most {MAX_SIDE} pixels a side (with --scale {scale}: {largest})"
        )));
    }
    Ok((width, height))
}

fn format_of(path: &Path) -> Result<PictureFormat, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("png") => Ok(PictureFormat::Png),
        Some("svg") => Ok(PictureFormat::Svg),
        _ => Err(format!(
            "-o {}: the file must end in .png (slides) or .svg (print)",
            shown(path)
        )),
    }
}

fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

/// The network laid out as the window would, run to rest (no thread: there is nothing else
/// to do meanwhile).
fn laid_out(state: &AppState) -> NetworkView {
    let graph = &state.dataset.graph;
    let mut layout = ForceLayout::new(graph.node_count(), &graph.edge_ends(), layout_params());
    while !layout.is_finished() && layout.iteration() < MAX_LAYOUT_STEPS {
        layout.step();
    }
    NetworkView::with_positions(state, layout.positions().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_name_the_flag() {
        assert_eq!(parse_size("1920x1080", 1), Ok((1920, 1080)));
        assert_eq!(parse_size("3840×2160", 2), Ok((3840, 2160)));
        assert!(parse_size("3840x2160", 2).is_ok());
        for bad in ["1920", "1920x", "x1080", "-5x10", "8x8", "9000x100"] {
            let err = parse_size(bad, 1).expect_err(bad);
            assert!(err.starts_with(&format!("--size {bad}:")), "{err}");
        }
    }

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(format_of(Path::new("a/slide.PNG")), Ok(PictureFormat::Png));
        assert_eq!(format_of(Path::new("print.svg")), Ok(PictureFormat::Svg));
        assert!(format_of(Path::new("slide.jpg")).is_err_and(|e| e.starts_with("-o slide.jpg")));
    }
}

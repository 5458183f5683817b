//! `atlas bench …`: headless measurements, one JSON line each, for the issue notes and for
//! comparing runs. Medians, after warm-up; never asserted in tests.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;

use super::output::out;
use serde_json::json;

use crate::graph::{AtlasGraph, load_graph_file};
use crate::layout::{LayoutParams, bench_iterations};
use crate::model::{Atlas, load_default};
use crate::synth::{SynthSize, preferential_attachment, synthetic_atlas};

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Read + parse + validate + build the graph of a synthetic atlas, against serde_json
    /// parsing the same data; and the peak memory of a load in a fresh process.
    Load {
        #[arg(long, default_value_t = 20_000)]
        actors: usize,
        #[arg(long, default_value_t = 200_000)]
        relations: usize,
        #[arg(long, default_value_t = 20_000)]
        events: usize,
        #[arg(long, default_value_t = 5)]
        runs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Milliseconds per iteration of the force layout on a scale-free graph.
    Layout {
        #[arg(long, default_value_t = 10_000)]
        nodes: usize,
        #[arg(long, default_value_t = 50_000)]
        edges: usize,
        #[arg(long, default_value_t = 30)]
        iterations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// CPU milliseconds to build and tessellate one frame of the network view at 1920×1080,
    /// on a laid-out scale-free graph, or on the default atlas with `--default-atlas`.
    Frame {
        #[arg(long, default_value_t = 10_000)]
        nodes: usize,
        #[arg(long, default_value_t = 50_000)]
        edges: usize,
        #[arg(long, default_value_t = 40)]
        frames: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        default_atlas: bool,
        /// Move the "as of" date one step before each frame, as dragging the timeline does.
        #[arg(long)]
        moving_date: bool,
    },
    /// Milliseconds for "what changed between two dates" on a synthetic atlas with founding
    /// dates, ended relations and envoy holders added.
    Diff {
        #[arg(long, default_value_t = 20_000)]
        actors: usize,
        #[arg(long, default_value_t = 200_000)]
        relations: usize,
        #[arg(long, default_value_t = 20_000)]
        events: usize,
        #[arg(long, default_value_t = 15)]
        runs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Milliseconds to parse and triangulate the embedded world map, and to colour it for the
    /// default atlas; with the map view's frame cost at 1920×1080.
    Map {
        #[arg(long, default_value_t = 20)]
        runs: usize,
        #[arg(long, default_value_t = 40)]
        frames: usize,
    },
    /// Milliseconds to apply one edit to a synthetic atlas (checked by the validator), show it
    /// (rebuild the graph), undo it and show that.
    Edit {
        #[arg(long, default_value_t = 20_000)]
        actors: usize,
        #[arg(long, default_value_t = 200_000)]
        relations: usize,
        #[arg(long, default_value_t = 20_000)]
        events: usize,
        #[arg(long, default_value_t = 9)]
        runs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Milliseconds to save a synthetic atlas as the app does: the canonical text alone, and
    /// the whole save to a temp file through the safe writer (flushed to disk).
    Save(super::save_bench::SaveArgs),
    /// Internal: load FILE once and report this process's peak memory.
    #[command(hide = true)]
    LoadOnce { file: PathBuf },
}

pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Milliseconds since `start`, for every bench.
pub(crate) fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Peak resident memory of this process in bytes (Linux), from /proc.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

pub fn run(which: BenchCommand) -> Result<ExitCode, String> {
    match which {
        BenchCommand::Load {
            actors,
            relations,
            events,
            runs,
            seed,
        } => bench_load(
            SynthSize {
                actors,
                relations,
                events,
                seed,
            },
            runs.max(1),
        ),
        BenchCommand::Layout {
            nodes,
            edges,
            iterations,
            seed,
        } => {
            let graph = preferential_attachment(nodes, edges, seed);
            let params = LayoutParams {
                seed,
                ..LayoutParams::default()
            };
            let samples = bench_iterations(nodes, &graph, params, 5, iterations.max(20));
            out!(
                "{}",
                json!({
                    "bench": "layout", "nodes": nodes, "edges": graph.len(),
                    "iterations": samples.len(), "median_ms": median(samples.clone()),
                    "min_ms": samples.iter().copied().fold(f64::MAX, f64::min),
                })
            );
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Frame {
            nodes,
            edges,
            frames,
            seed,
            default_atlas,
            moving_date,
        } => bench_frame(nodes, edges, frames, seed, default_atlas, moving_date),
        BenchCommand::Diff {
            actors,
            relations,
            events,
            runs,
            seed,
        } => super::diff_bench::run(
            SynthSize {
                actors,
                relations,
                events,
                seed,
            },
            runs.max(1),
        ),
        BenchCommand::Edit {
            actors,
            relations,
            events,
            runs,
            seed,
        } => super::edit_bench::run(
            SynthSize {
                actors,
                relations,
                events,
                seed,
            },
            runs.max(1),
        ),
        BenchCommand::Save(args) => super::save_bench::run(&args),
        BenchCommand::Map { runs, frames } => bench_map(runs.max(3), frames.max(10)),
        BenchCommand::LoadOnce { file } => {
            let graph = load_graph_file(&file).map_err(|e| e.to_string())?.graph;
            out!(
                "{}",
                json!({"nodes": graph.node_count(), "peak_rss_bytes": peak_rss_bytes()})
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `atlas bench frame`: see [`BenchCommand::Frame`].
fn bench_frame(
    nodes: usize,
    edges: usize,
    frames: usize,
    seed: u64,
    default_atlas: bool,
    moving_date: bool,
) -> Result<ExitCode, String> {
    let (atlas, label) = if default_atlas {
        (
            load_default().map_err(|e| e.to_string())?.atlas,
            "default atlas",
        )
    } else {
        let size = SynthSize {
            actors: nodes,
            relations: edges,
            events: 0,
            seed,
        };
        (synthetic_atlas(size), "scale-free")
    };
    let report = super::frame_bench::measure(atlas, frames.max(30), moving_date);
    out!(
        "{}",
        json!({
            "bench": "frame", "graph": label, "nodes": report.nodes, "edges": report.edges,
            "moving_date": moving_date,
            "move_date_median_ms": moving_date.then(|| median(report.move_date_ms.clone())),
            "frames": report.build_ms.len(), "width": 1920, "height": 1080,
            "median_ms": report.median_total_ms(),
            "build_median_ms": median(report.build_ms.clone()),
            "tessellate_median_ms": median(report.tessellate_ms.clone()),
            "triangles": report.triangles,
            "layout_iterations": report.layout_iterations,
        })
    );
    Ok(ExitCode::SUCCESS)
}

fn bench_load(size: SynthSize, runs: usize) -> Result<ExitCode, String> {
    let atlas = synthetic_atlas(size);
    let ron_text = ron::to_string(&atlas).map_err(|e| e.to_string())?;
    let json_text = serde_json::to_string(&atlas).map_err(|e| e.to_string())?;
    drop(atlas);
    let dir = std::env::temp_dir().join(format!("atlas-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("synthetic.ron");
    crate::io::write_atomically(&file, ron_text.as_bytes(), None).map_err(|e| e.to_string())?;

    let mut load_ms = Vec::new();
    let mut json_ms = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let loaded = load_graph_file(&file).map_err(|e| e.to_string())?;
        load_ms.push(ms(t));
        drop(loaded);
        let t = Instant::now();
        let parsed: Atlas = serde_json::from_str(&json_text).map_err(|e| e.to_string())?;
        json_ms.push(ms(t));
        drop(parsed);
    }
    // One more load, phase by phase, to show where the time goes.
    let t = Instant::now();
    let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
    let read_ms = ms(t);
    let t = Instant::now();
    let one_thread = crate::model::fast_ron::from_str::<Atlas>(&text).map_err(|e| e.to_string())?;
    let parse_one_thread_ms = ms(t);
    drop(one_thread);
    let t = Instant::now();
    let parsed = crate::model::load::parse(&text, "bench").map_err(|e| e.to_string())?;
    let parse_ms = ms(t);
    let t = Instant::now();
    let report = crate::model::validate::validate(&parsed, &text, "bench");
    let validate_ms = ms(t);
    let t = Instant::now();
    let graph = AtlasGraph::new(parsed);
    let graph_ms = ms(t);
    drop((graph, report, text));
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let child = std::process::Command::new(exe)
        .args(["bench", "load-once"])
        .arg(&file)
        .output()
        .map_err(|e| e.to_string())?;
    let peak: serde_json::Value =
        serde_json::from_slice(&child.stdout).unwrap_or(serde_json::Value::Null);
    let _ = std::fs::remove_dir_all(&dir);
    let (load_median, json_median) = (median(load_ms), median(json_ms));
    out!(
        "{}",
        json!({
            "bench": "load",
            "actors": size.actors, "relations": size.relations, "events": size.events,
            "bytes": ron_text.len(),
            "runs": runs,
            "median_ms": load_median,
            "serde_json_parse_median_ms": json_median,
            "ratio_to_serde_json": load_median / json_median,
            "peak_rss_bytes": peak.get("peak_rss_bytes"),
            "phases_ms": {"read": read_ms, "parse": parse_ms, "parse_one_thread": parse_one_thread_ms, "validate": validate_ms, "graph": graph_ms},
        })
    );
    Ok(ExitCode::SUCCESS)
}

fn bench_map(runs: usize, frames: usize) -> Result<ExitCode, String> {
    use crate::map::{
        ColourMode, CountryActors, EMBEDDED, Placement, WorldMap, colour, post_markers,
    };
    let mut load_ms = Vec::new();
    let mut map = None;
    for _ in 0..runs {
        let t = Instant::now();
        let built = WorldMap::from_bytes(EMBEDDED).map_err(|e| e.to_string())?;
        load_ms.push(ms(t));
        map = Some(built);
    }
    let map = map.ok_or("no run")?;
    let graph = AtlasGraph::new(load_default().map_err(|e| e.to_string())?.atlas);
    let t = Instant::now();
    let countries = CountryActors::build(&map, &graph);
    let resolve_ms = ms(t);
    let visible = crate::graph::Visible::all(&graph);
    let mut colour_ms = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let c = colour(
            &graph,
            &countries,
            map.countries.len(),
            &visible,
            &ColourMode::Region("indo-pacific".into()),
        );
        colour_ms.push(ms(t));
        drop(c);
    }
    let placed = Placement::of(&post_markers(&graph, &countries, &map, &visible));
    drop(countries);
    let loaded = crate::graph::LoadedGraph {
        graph,
        origin: "bench".into(),
        warnings: Vec::new(),
    };
    let moving = super::map_frame_bench::measure(loaded.clone(), frames, true);
    let frame = super::map_frame_bench::measure(loaded, frames, false);
    out!(
        "{}",
        json!({
            "bench": "map",
            "countries": map.countries.len(),
            "vertices": map.countries.iter().map(|c| c.vertices.len()).sum::<usize>(),
            "map_triangles": map.triangle_count(),
            "asset_bytes": EMBEDDED.len(),
            "runs": runs,
            "load_median_ms": median(load_ms),
            "resolve_ms": resolve_ms,
            "colour_median_ms": median(colour_ms),
            "posts_at_city": placed.at_city,
            "posts_at_country": placed.at_country,
            "frames": frame.build_ms.len(), "width": 1920, "height": 1080,
            "frame_median_ms": frame.median_total_ms(),
            "build_median_ms": median(frame.build_ms.clone()),
            "tessellate_median_ms": median(frame.tessellate_ms.clone()),
            "frame_triangles": frame.triangles,
            "moving_frame_median_ms": moving.median_total_ms(),
            "moving_build_median_ms": median(moving.build_ms.clone()),
            "moving_tessellate_median_ms": median(moving.tessellate_ms.clone()),
        })
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod median_tests {
    use super::median;

    #[test]
    fn median_takes_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(Vec::new()).is_nan());
    }
}

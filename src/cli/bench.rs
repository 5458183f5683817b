//! `atlas bench …`: headless measurements, one JSON line each, for the issue notes and for
//! comparing runs. Medians, after warm-up; never asserted in tests.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;
use serde_json::json;

use crate::graph::AtlasGraph;
use crate::model::{Atlas, load_file};
use crate::synth::{SynthSize, synthetic_atlas};

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

fn ms(start: Instant) -> f64 {
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
        BenchCommand::LoadOnce { file } => {
            let loaded = load_file(&file).map_err(|e| e.to_string())?;
            let graph = AtlasGraph::new(loaded.atlas);
            println!(
                "{}",
                json!({"nodes": graph.node_count(), "peak_rss_bytes": peak_rss_bytes()})
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn bench_load(size: SynthSize, runs: usize) -> Result<ExitCode, String> {
    let atlas = synthetic_atlas(size);
    let ron_text = ron::to_string(&atlas).map_err(|e| e.to_string())?;
    let json_text = serde_json::to_string(&atlas).map_err(|e| e.to_string())?;
    drop(atlas);
    let dir = std::env::temp_dir().join(format!("atlas-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("synthetic.ron");
    std::fs::write(&file, &ron_text).map_err(|e| e.to_string())?;

    let mut load_ms = Vec::new();
    let mut json_ms = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let loaded = load_file(&file).map_err(|e| e.to_string())?;
        let graph = AtlasGraph::new(loaded.atlas);
        load_ms.push(ms(t));
        drop(graph);
        let t = Instant::now();
        let parsed: Atlas = serde_json::from_str(&json_text).map_err(|e| e.to_string())?;
        json_ms.push(ms(t));
        drop(parsed);
    }
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
    println!(
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
        })
    );
    Ok(ExitCode::SUCCESS)
}

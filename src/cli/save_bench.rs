//! `atlas bench save`: what Save costs on a large synthetic atlas — writing the canonical text,
//! and writing it to disk through the safe writer (temp file, flush to disk, rename).

use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;

use crate::io::{canonical_ron, write_canonical};
use crate::synth::{SynthSize, synthetic_atlas};

use super::bench::{median, ms};
use super::output::out;

/// The size of the synthetic atlas and how many saves to time.
#[derive(clap::Args, Debug)]
pub struct SaveArgs {
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
}

pub fn run(args: &SaveArgs) -> Result<ExitCode, String> {
    let size = SynthSize {
        actors: args.actors,
        relations: args.relations,
        events: args.events,
        seed: args.seed,
    };
    let runs = args.runs.max(1);
    let atlas = synthetic_atlas(size);
    let path = std::env::temp_dir().join(format!("atlas-bench-save-{}.ron", std::process::id()));
    let mut text_ms = Vec::with_capacity(runs);
    let mut save_ms = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        bytes = canonical_ron(&atlas).len();
        text_ms.push(ms(start));
        let start = Instant::now();
        let saved = write_canonical(&atlas, &path);
        save_ms.push(ms(start));
        if let Err(e) = saved {
            let _ = std::fs::remove_file(&path);
            return Err(e.to_string());
        }
    }
    let _ = std::fs::remove_file(&path);
    out!(
        "{}",
        json!({
            "bench": "save", "actors": size.actors, "relations": size.relations,
            "events": size.events, "runs": runs, "bytes": bytes,
            "canonical_text_median_ms": median(text_ms),
            "save_median_ms": median(save_ms),
        })
    );
    Ok(ExitCode::SUCCESS)
}

//! The command line: no arguments opens the window; subcommands validate, describe, search
//! paths in, generate, export and benchmark datasets without one.

mod bench;
mod brief;
mod diff;
mod diff_bench;
mod edit_bench;
mod fmt;
mod frame_bench;
mod map_frame_bench;
pub(crate) mod output;
mod render;
mod save_bench;
mod stats;

use output::{note, out};

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::graph::{AtlasGraph, ViewFilter, Visible, all_shortest_paths, describe_path};
use crate::io::ExportFormat;
use crate::model::text_rules::escape_controls;
use crate::model::{LoadError, Loaded, load_file};
use crate::synth::{SynthSize, synthetic_atlas};

#[derive(Parser, Debug)]
#[command(
    name = "atlas",
    version,
    about = "Tech Diplomacy Atlas: an offline atlas of tech diplomacy"
)]
pub struct Cli {
    /// A dataset to open in the window instead of the embedded default atlas.
    pub dataset: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a dataset: one problem per line; exit 0 when it is valid, 1 when not.
    Validate {
        file: PathBuf,
        /// Also list warnings (they never fail validation).
        #[arg(long)]
        warnings: bool,
    },
    /// Counts by kind, region and theme; the share of sourced records; the date range.
    Stats {
        file: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The shortest chains of relations between two actors (ids or names).
    Path {
        file: PathBuf,
        from: String,
        to: String,
    },
    /// Rewrite a dataset in the canonical layout the app saves (comments are dropped); the
    /// file must load without errors. With --check, write nothing: exit 1 naming the first
    /// line that differs, 0 when the file is already canonical.
    Fmt {
        file: PathBuf,
        #[arg(long)]
        check: bool,
    },
    /// Print a valid synthetic atlas (scale-free, clearly fake names) to stdout.
    Synth {
        #[arg(long, default_value_t = 1000)]
        actors: usize,
        #[arg(long, default_value_t = 5000)]
        relations: usize,
        #[arg(long, default_value_t = 1000)]
        events: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Export the whole atlas, or the atlas as of a date: GraphML or GEXF (a graph), CSV (a
    /// folder receiving actors.csv, relations.csv, events.csv and view.txt) or JSON (always the
    /// whole atlas). The file says which view it follows. Prints the files written.
    Export {
        /// The dataset (.ron) to export.
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write; for csv, the folder that receives the tables.
        #[arg(short, long)]
        out: PathBuf,
        /// Only what exists on this date (YYYY, YYYY-MM or YYYY-MM-DD; a year or month stands
        /// at its last day).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// What changed between two dates: actors founded, instruments adopted, relations begun
    /// and ended, envoy holders appointed and gone, events. After --from, up to and including
    /// --to; a year or month stands at its last day.
    Diff {
        file: PathBuf,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// One JSON object instead of Markdown text.
        #[arg(long)]
        json: bool,
    },
    /// A print-ready briefing with numbered citations on an actor, a region, a theme or a
    /// story, as PDF or Markdown. Prints the file written.
    Brief(brief::BriefArgs),
    /// A picture for slides (PNG) or print (SVG, network only) of the network or the map at a
    /// date, region, focus or story step, with a caption; no window needed. Prints the file
    /// written.
    Render(render::RenderArgs),
    /// Measure loading, layout or frame building; one JSON line per measurement.
    Bench {
        #[command(subcommand)]
        which: bench::BenchCommand,
    },
}

/// Parses the arguments and runs; GUI when there is no subcommand.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => crate::ui::run_gui(cli.dataset),
        Some(command) => match execute(command) {
            Ok(code) => code,
            Err(message) => {
                note!("{message}");
                ExitCode::FAILURE
            }
        },
    };
    output::finish(code)
}

fn load(file: &Path) -> Result<Loaded, String> {
    load_file(file).map_err(|e| e.to_string())
}

fn execute(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Validate { file, warnings } => Ok(validate(&file, warnings)),
        Command::Stats { file, json } => {
            let loaded = load(&file)?;
            let stats = stats::Stats::of(&loaded.atlas);
            if json {
                out!("{}", stats.to_json()?);
            } else {
                output::write_out(format_args!("{}", stats.to_text()));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Path { file, from, to } => {
            let graph = AtlasGraph::new(load(&file)?.atlas);
            let find = |what: &str| {
                find_actor(&graph, what).ok_or_else(|| {
                    format!("no actor with id or name \"{}\"", escape_controls(what))
                })
            };
            let (a, b) = (find(&from)?, find(&to)?);
            let paths = all_shortest_paths(&graph, a, b, &Visible::all(&graph), 5);
            if paths.is_empty() {
                out!(
                    "{} and {} are not connected",
                    graph.actor(a).name,
                    graph.actor(b).name
                );
                return Ok(ExitCode::FAILURE);
            }
            for path in &paths {
                out!("{}", describe_path(&graph, path));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Synth {
            actors,
            relations,
            events,
            seed,
        } => {
            let atlas = synthetic_atlas(SynthSize {
                actors,
                relations,
                events,
                seed,
            });
            let text = ron::ser::to_string_pretty(&atlas, ron::ser::PrettyConfig::default())
                .map_err(|e| format!("cannot write the synthetic atlas: {e}"))?;
            out!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            file,
            format,
            out,
            as_of,
        } => {
            let day = as_of.map(|d| diff::cursor_day(&d, "--as-of")).transpose()?;
            let graph = AtlasGraph::new(load(&file)?.atlas);
            let scope = crate::io::Scope::of_filter(&graph, &ViewFilter::default().at(day));
            let written = crate::io::export_scope(&graph, &scope, format, &out, Some(&file))
                .map_err(|e| e.to_string())?;
            for path in written {
                out!("{}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Brief(args) => brief::run(args),
        Command::Render(args) => render::run(args),
        Command::Diff {
            file,
            from,
            to,
            json,
        } => diff::run(&file, &from, &to, json),
        Command::Fmt { file, check } => fmt::run(&file, check),
        Command::Bench { which } => bench::run(which),
    }
}

fn validate(file: &Path, show_warnings: bool) -> ExitCode {
    match load_file(file) {
        Ok(loaded) => {
            if show_warnings {
                for w in &loaded.warnings {
                    out!("{w}");
                }
            }
            note!(
                "{}: valid ({} actors, {} relations, {} events; {} warnings)",
                file.display(),
                loaded.atlas.actors.len(),
                loaded.atlas.relations.len(),
                loaded.atlas.events.len(),
                loaded.warnings.len()
            );
            ExitCode::SUCCESS
        }
        Err(LoadError::Invalid { report }) => {
            for d in &report.diagnostics {
                if d.is_error() || show_warnings {
                    out!("{d}");
                }
            }
            ExitCode::FAILURE
        }
        Err(other) => {
            out!("{other}");
            ExitCode::FAILURE
        }
    }
}

/// An actor by exact id, else by name or alias ignoring case.
pub fn find_actor(graph: &AtlasGraph, what: &str) -> Option<petgraph::graph::NodeIndex> {
    graph.node(what).or_else(|| {
        let lower = what.to_lowercase();
        graph.nodes().find(|&n| {
            let a = graph.actor(n);
            a.name.to_lowercase() == lower || a.aliases.iter().any(|x| x.to_lowercase() == lower)
        })
    })
}

//! `atlas brief`: a briefing on an actor, a region, a theme or a story, as PDF or Markdown.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgGroup, Args};

use crate::brief::{BriefFormat, DatasetInfo, Paper, Subject, build, render_markdown, render_pdf};
use crate::graph::load_graph_str;
use crate::model::{PartialDate, read_text};

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("subject").required(true).args(["actor", "region", "theme", "story"])))]
pub struct BriefArgs {
    /// The dataset (.ron) to brief from.
    file: PathBuf,
    /// An actor, by id (or by name or alias).
    #[arg(long)]
    actor: Option<String>,
    /// A region, by id.
    #[arg(long)]
    region: Option<String>,
    /// A theme, by id.
    #[arg(long)]
    theme: Option<String>,
    /// A story, by id: a handout for workshops.
    #[arg(long)]
    story: Option<String>,
    /// The date the briefing speaks for: YYYY, YYYY-MM or YYYY-MM-DD. Today when left out.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<PartialDate>,
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    paper: Paper,
    /// pdf or md. Left out: md when OUT ends in .md, else pdf.
    #[arg(long, value_enum)]
    format: Option<BriefFormat>,
    /// The file to write.
    #[arg(short, long)]
    out: PathBuf,
}

fn parse_date(text: &str) -> Result<PartialDate, String> {
    text.parse::<PartialDate>().map_err(|e| e.to_string())
}

/// Builds and writes the briefing; prints the file written.
pub fn run(args: BriefArgs) -> Result<ExitCode, String> {
    refuse_dataset_as_output(&args.file, &args.out)?;
    let text = read_text(&args.file).map_err(|e| e.to_string())?;
    let origin = args.file.display().to_string();
    let graph = load_graph_str(&text, &origin)
        .map_err(|e| e.to_string())?
        .graph;
    let dataset = DatasetInfo::new(graph.atlas(), &origin, text.as_bytes());
    let subject = match (&args.actor, &args.region, &args.theme, &args.story) {
        (Some(actor), ..) => {
            let node = super::find_actor(&graph, actor)
                .ok_or_else(|| format!("no actor with id, name or alias \"{actor}\""))?;
            Subject::Actor(graph.actor(node).id.clone())
        }
        (_, Some(region), ..) => Subject::Region(region.clone()),
        (_, _, Some(theme), _) => Subject::Theme(theme.clone()),
        (.., Some(story)) => Subject::Story(story.clone()),
        // clap's group makes one of the four required.
        (None, None, None, None) => {
            return Err("say what to brief on: --actor, --region, --theme or --story".into());
        }
    };
    let doc = build(&graph, &dataset, &subject, args.as_of).map_err(|e| e.to_string())?;
    let bytes = match format_for(args.format, &args.out) {
        BriefFormat::Pdf => render_pdf(&doc, args.paper).map_err(|e| e.to_string())?,
        BriefFormat::Md => render_markdown(&doc).into_bytes(),
    };
    crate::io::write_atomically(&args.out, &bytes).map_err(|e| e.to_string())?;
    out!("{}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn format_for(asked: Option<BriefFormat>, out: &Path) -> BriefFormat {
    asked.unwrap_or_else(|| {
        let markdown = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if markdown {
            BriefFormat::Md
        } else {
            BriefFormat::Pdf
        }
    })
}

/// A briefing never replaces the dataset it was made from.
fn refuse_dataset_as_output(dataset: &Path, out: &Path) -> Result<(), String> {
    let same = match (std::fs::canonicalize(dataset), std::fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(format!(
            "{}: refusing to write the briefing over the dataset it is made from",
            out.display()
        ));
    }
    Ok(())
}

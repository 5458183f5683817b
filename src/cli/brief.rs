//! `atlas brief`: a briefing on an actor, a region, a theme or a story, as PDF or Markdown.

use super::output::out;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Args};

use crate::brief::{BriefFormat, DatasetInfo, Paper, Subject, build, check_output, render};
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
    check_output(Some(&args.file), &args.out).map_err(|e| e.to_string())?;
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
    let format = BriefFormat::for_output(args.format, &args.out);
    let bytes = render(&doc, format, args.paper).map_err(|e| e.to_string())?;
    crate::io::write_atomically(&args.out, &bytes, Some(&args.file)).map_err(|e| e.to_string())?;
    out!("{}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

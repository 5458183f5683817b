//! The story handout for workshops: each step's picture and text, then the discussion
//! questions. A step's picture shows the network on the step's own date.

use petgraph::graph::NodeIndex;

use super::as_of::AsOf;
use super::doc::{Block, Inline};
use super::figure::ego_figure;
use super::{BriefError, Ctx};

/// Writes the story's sections; returns the title and subtitle.
pub(super) fn build(ctx: &mut Ctx<'_>, id: &str) -> Result<(String, String), BriefError> {
    let graph = ctx.graph;
    let story = graph
        .atlas()
        .stories
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| BriefError::UnknownStory(id.to_string()))?;
    if !story.summary.is_empty() {
        ctx.paragraph(vec![Inline::text(&story.summary)]);
    }
    let count = story.steps.len();
    for (i, step) in story.steps.iter().enumerate() {
        let mut title = format!("Step {} of {count}: {}", i + 1, step.title);
        if let Some(date) = step.date {
            title.push_str(&format!(" ({date})"));
        }
        ctx.heading(title);
        let focus: Vec<NodeIndex> = step.focus.iter().filter_map(|f| graph.node(f)).collect();
        // The picture is of the step's date (capped at the handout's), as the app shows it.
        let step_as_of = match step.date {
            Some(d) if d < ctx.as_of.date => AsOf { date: d },
            _ => ctx.as_of,
        };
        let visible = step_as_of.visible(graph);
        let what = focus_names(ctx, &focus);
        if let Some(figure) = ego_figure(graph, &focus, &visible, &what) {
            ctx.blocks.push(Block::Figure(figure));
        }
        ctx.paragraph(vec![Inline::text(&step.text)]);
        if !focus.is_empty() {
            let mut body = Vec::new();
            for (k, &n) in focus.iter().enumerate() {
                let actor = graph.actor(n);
                let sep = if k == 0 { "" } else { ", " };
                body.push(Inline::Text(format!("{sep}{}", actor.name)));
                body.push(ctx.cites.cite(&actor.sources));
            }
            ctx.fact("In focus", body);
        }
    }
    if !story.questions.is_empty() {
        ctx.heading("Questions for discussion");
        for (i, q) in story.questions.iter().enumerate() {
            let marker = format!("{}.", i + 1);
            let body = vec![Inline::text(q)];
            ctx.blocks.push(Block::Item { marker, body });
        }
    }
    Ok((story.title.clone(), "Story handout".to_string()))
}

/// "Japan, Quad and India".
fn focus_names(ctx: &Ctx<'_>, focus: &[NodeIndex]) -> String {
    let names: Vec<&str> = focus
        .iter()
        .map(|&n| ctx.graph.actor(n).name.as_str())
        .collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

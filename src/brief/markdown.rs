//! The briefing as Markdown (CommonMark with pipe tables); network pictures become Mermaid
//! flowcharts, which GitHub, GitLab and many editors draw.

use std::fmt::Write as _;

use super::doc::{Block, Document, Figure, Inline, Table, format_cite};

/// The whole briefing as one Markdown text.
pub fn render_markdown(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n*{}*\n",
        escape(&doc.title),
        escape(&doc.subtitle)
    );
    for (label, value) in &doc.facts {
        let _ = writeln!(out, "- **{}:** {}", escape(label), escape(value));
    }
    out.push('\n');
    let mut in_list = false;
    for block in &doc.blocks {
        let is_item = matches!(block, Block::Item { .. });
        if in_list && !is_item {
            out.push('\n');
        }
        in_list = is_item;
        block_md(&mut out, block);
    }
    if in_list {
        out.push('\n');
    }
    if !doc.references.is_empty() {
        out.push_str("## References\n\n");
        for r in &doc.references {
            let _ = writeln!(out, "[{}] {}\n", r.number, escape(&r.describe()));
        }
    }
    let _ = writeln!(out, "---\n\n{}", escape(&doc.footer));
    out
}

fn block_md(out: &mut String, block: &Block) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "## {}\n", escape(text));
        }
        Block::Subheading(text) => {
            let _ = writeln!(out, "### {}\n", escape(text));
        }
        Block::Paragraph(body) => {
            let _ = writeln!(out, "{}\n", inline_md(body));
        }
        Block::Fact { label, body } => {
            let _ = writeln!(out, "**{}:** {}\n", escape(label), inline_md(body));
        }
        Block::Item { marker, body } => {
            let marker = if marker == "•" { "-" } else { marker };
            // No blank line between items, so the list stays tight.
            let _ = writeln!(out, "{marker} {}", inline_md(body));
        }
        Block::Table(table) => table_md(out, table),
        Block::Figure(figure) => figure_md(out, figure),
    }
}

fn inline_md(body: &[Inline]) -> String {
    let mut s = String::new();
    for part in body {
        match part {
            Inline::Text(t) => s.push_str(&escape(t)),
            Inline::Cite(n) if n.is_empty() => {}
            Inline::Cite(n) => {
                s.push(' ');
                s.push_str(&format_cite(n));
            }
        }
    }
    s
}

fn table_md(out: &mut String, table: &Table) {
    let cells = |row: Vec<String>| format!("| {} |", row.join(" | "));
    let titles = table.columns.iter().map(|c| escape(&c.title)).collect();
    let _ = writeln!(out, "{}", cells(titles));
    let _ = writeln!(
        out,
        "{}",
        cells(vec!["---".to_string(); table.columns.len()])
    );
    for row in &table.rows {
        let texts = row
            .iter()
            .map(|c| inline_md(c).replace('|', "\\|"))
            .collect();
        let _ = writeln!(out, "{}", cells(texts));
    }
    out.push('\n');
}

fn figure_md(out: &mut String, figure: &Figure) {
    out.push_str("```mermaid\nflowchart LR\n");
    for (i, node) in figure.nodes.iter().enumerate() {
        let label = node.label.replace('"', "#quot;");
        let (open, close) = if node.emphasis {
            ("((", "))")
        } else {
            ("[", "]")
        };
        let _ = writeln!(out, "    n{i}{open}\"{label}\"{close}");
    }
    for e in &figure.edges {
        let arrow = if e.directed { "-->" } else { "---" };
        let _ = writeln!(out, "    n{} {arrow} n{}", e.from, e.to);
    }
    let _ = writeln!(out, "```\n\n*Figure: {}*\n", escape(&figure.caption));
}

/// Backslash-escapes the characters Markdown would read as emphasis, code or HTML. Brackets
/// stay as they are: without a link target after them CommonMark prints them as typed.
fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

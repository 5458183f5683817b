//! Type-ahead search over actor names, aliases, ids, the people who held a post and the
//! country codes of states: accents and case ignored, one or two typos forgiven, whole words
//! and prefixes ranked first, and the words of a query matched in any order.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;
use unicode_normalization::UnicodeNormalization;

use super::AtlasGraph;
use crate::model::{Actor, ActorKind};

/// Lower case, accents stripped (é → e), punctuation turned into spaces. Only Latin, Greek
/// and Cyrillic letters lose their marks: in other scripts (kana voicing marks, Indic vowel
/// signs) a mark changes the letter, so those are kept and the text recomposed as written.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut marks_are_accents = true;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            if !marks_are_accents {
                out.push(c);
            }
            continue;
        }
        marks_are_accents = c < '\u{0530}';
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().nfc().collect()
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps), on chars.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

/// How many typos a query (or query word) of `len` chars may carry.
fn typos_allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// How well folded `query` matches folded `text`; higher is better, `None` is no match.
pub fn score(query: &str, text: &str) -> Option<u32> {
    if query.is_empty() {
        return None;
    }
    if text == query {
        return Some(100);
    }
    if text.starts_with(query) {
        return Some(90);
    }
    let words: Vec<&str> = text.split(' ').collect();
    if words.iter().any(|w| w.starts_with(query)) {
        return Some(80);
    }
    if text.contains(query) {
        return Some(70);
    }
    // Typos: compare the query with each run of words of the same length as the query,
    // against the same-length prefix, so "brusels" finds "Brussels effect".
    let q: Vec<char> = query.chars().collect();
    let allowed = typos_allowed(q.len());
    if allowed == 0 {
        return None;
    }
    let query_words = query.split(' ').count();
    let mut best = usize::MAX;
    for start in 0..words.len() {
        let end = (start + query_words).min(words.len());
        let candidate: Vec<char> = words[start..end].join(" ").chars().collect();
        let whole = edit_distance(&q, &candidate);
        let prefix = edit_distance(&q, &candidate[..candidate.len().min(q.len())]);
        best = best.min(whole).min(prefix + 1);
    }
    (best <= allowed).then(|| 60 - 10 * best as u32)
}

/// How one folded query word matches one folded word: 3 the same, 2 a prefix of it, 1 within
/// the typos its length allows.
fn word_match(query: &str, word: &str) -> Option<u8> {
    if word == query {
        return Some(3);
    }
    if word.starts_with(query) {
        return Some(2);
    }
    let q: Vec<char> = query.chars().collect();
    let allowed = typos_allowed(q.len());
    if allowed == 0 {
        return None;
    }
    let w: Vec<char> = word.chars().collect();
    let whole = edit_distance(&q, &w);
    let prefix = edit_distance(&q, &w[..w.len().min(q.len())]) + 1;
    (whole.min(prefix) <= allowed).then_some(1)
}

/// Words in any order: every word of a query of two or more words matches some word of
/// `text` or of `context` (the actor's kind and country), and at least one matches `text`.
/// Scores below a substring match; each typo or context word costs a little.
pub fn words_score(query: &str, text: &str, context: &[String]) -> Option<u32> {
    let query_words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
    if query_words.len() < 2 {
        return None;
    }
    let best = |qw: &str, words: &mut dyn Iterator<Item = &str>| {
        words.filter_map(|w| word_match(qw, w)).max()
    };
    let mut in_text = false;
    let mut penalty = 0u32;
    for qw in query_words {
        if let Some(m) = best(qw, &mut text.split(' ')) {
            in_text = true;
            penalty += if m == 1 { 5 } else { 0 };
        } else {
            let m = best(qw, &mut context.iter().flat_map(|c| c.split(' ')))?;
            penalty += if m == 1 { 7 } else { 2 };
        }
    }
    in_text.then(|| 65u32.saturating_sub(penalty).max(41))
}

/// What a hit matched on, for ranking ties and for showing why it was offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchedOn {
    Id,
    /// A person who held the post.
    Holder,
    Alias,
    /// The ISO code of a state ("jp" for Japan).
    CountryCode,
    Name,
}

/// One hit: the actor and how well it matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub node: NodeIndex,
    pub score: u32,
    /// The name, alias, id, holder or code that matched.
    pub matched: String,
    pub on: MatchedOn,
}

impl Hit {
    /// The row a result list shows: the name, and what matched when that was not the name
    /// ("Casper Klynge → Danish Tech Ambassador" for a holder).
    pub fn label(&self, actor_name: &str) -> String {
        match self.on {
            MatchedOn::Name => actor_name.to_string(),
            MatchedOn::Holder => format!("{} → {actor_name}", self.matched),
            _ => format!("{actor_name}  ({})", self.matched),
        }
    }
}

/// Lower-case ISO code → folded name of the state with that code.
fn country_names(graph: &AtlasGraph) -> HashMap<String, String> {
    graph
        .nodes()
        .map(|n| graph.actor(n))
        .filter(|a| a.kind == ActorKind::State)
        .filter_map(|a| Some((a.country.as_ref()?.to_lowercase(), fold(&a.name))))
        .collect()
}

/// The actor's best match for folded `q`: (score, what matched, the text that matched).
fn best_match(
    actor: &Actor,
    q: &str,
    countries: &HashMap<String, String>,
) -> Option<(u32, MatchedOn, String)> {
    let is_code = |code: &String| code.to_lowercase() == q;
    if actor.kind == ActorKind::State
        && let Some(code) = actor.country.as_ref().filter(|c| is_code(c))
    {
        return Some((100, MatchedOn::CountryCode, code.clone()));
    }
    let mut context = vec![fold(actor.kind.label())];
    if let Some(country) = actor.country.as_ref() {
        context.extend(countries.get(&country.to_lowercase()).cloned());
    }
    let candidates = std::iter::once((&actor.name, MatchedOn::Name))
        .chain(actor.aliases.iter().map(|a| (a, MatchedOn::Alias)))
        .chain(actor.holders.iter().map(|h| (&h.name, MatchedOn::Holder)))
        .chain(std::iter::once((&actor.id, MatchedOn::Id)));
    let mut best: Option<(u32, MatchedOn, &String)> = None;
    for (text, on) in candidates {
        let folded = fold(text);
        let found = score(q, &folded).or_else(|| words_score(q, &folded, &context));
        if let Some(score) = found
            && best.is_none_or(|(s, o, _)| (score, on) > (s, o))
        {
            best = Some((score, on, text));
        }
    }
    best.map(|(score, on, text)| (score, on, text.clone()))
}

/// Best matches first (ties by name), at most `limit`.
pub fn search(graph: &AtlasGraph, query: &str, limit: usize) -> Vec<Hit> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let countries = country_names(graph);
    // Within one score, a match on the name beats one on an alias, a holder or the id; then
    // shorter names (closer matches) come first.
    let mut hits: Vec<(Hit, usize)> = graph
        .nodes()
        .filter_map(|node| {
            let actor = graph.actor(node);
            let (score, on, matched) = best_match(actor, &q, &countries)?;
            let hit = Hit {
                node,
                score,
                matched,
                on,
            };
            Some((hit, actor.name.chars().count()))
        })
        .collect();
    hits.sort_by(|(a, la), (b, lb)| {
        (b.score, b.on)
            .cmp(&(a.score, a.on))
            .then(la.cmp(lb))
            .then_with(|| graph.actor(a.node).name.cmp(&graph.actor(b.node).name))
    });
    let mut hits: Vec<Hit> = hits.into_iter().map(|(h, _)| h).collect();
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    /// Posts with holders, states with codes and a non-Latin alias.
    const PEOPLE: &str = r#"Atlas(
        regions: [(id: "r", name: "R")],
        themes: [(id: "t", name: "T")],
        sources: [(id: "s", title: "Source", url: "https://example.org")],
        actors: [
            (id: "japan", kind: State, name: "Japan", aliases: ["日本", "Nippon"], country: Some("JP"), regions: ["r"], sources: ["s"]),
            (id: "denmark", kind: State, name: "Denmark", country: Some("DK"), regions: ["r"], sources: ["s"]),
            (id: "jp-cyber", kind: Envoy, name: "Japanese Ambassador in Charge of Cyber Policy", country: Some("JP"), regions: ["r"],
                holders: [(name: "Osamu Imai", sources: ["s"])], sources: ["s"]),
            (id: "jp-division", kind: GovernmentBody, name: "Cyber Policy Division", country: Some("JP"), regions: ["r"], sources: ["s"]),
            (id: "dk-tech", kind: Envoy, name: "Danish Tech Ambassador", country: Some("DK"), regions: ["r"],
                holders: [(name: "Casper Klynge", sources: ["s"])], sources: ["s"]),
            (id: "jp-dialogue", kind: Forum, name: "Japan-US Cyber Dialogue", regions: ["r"], sources: ["s"]),
        ],
        relations: [],
        events: [],
    )"#;

    fn people() -> AtlasGraph {
        let loaded = crate::model::load_str(PEOPLE, "people.ron").expect("valid");
        AtlasGraph::new(loaded.atlas)
    }

    fn ids(g: &AtlasGraph, q: &str) -> Vec<String> {
        search(g, q, 10)
            .iter()
            .map(|h| g.actor(h.node).id.clone())
            .collect()
    }

    #[test]
    fn a_holders_name_leads_to_the_post_they_held() {
        let g = people();
        let hits = search(&g, "Klynge", 5);
        assert_eq!(g.actor(hits[0].node).id, "dk-tech");
        assert_eq!(hits[0].on, MatchedOn::Holder);
        assert_eq!(
            hits[0].label(&g.actor(hits[0].node).name),
            "Casper Klynge → Danish Tech Ambassador"
        );
        assert_eq!(ids(&g, "osamu imai"), ["jp-cyber"]);
        assert_eq!(
            ids(&g, "imai osamu"),
            ["jp-cyber"],
            "a holder's words in any order"
        );
    }

    #[test]
    fn a_country_code_finds_the_state_first() {
        let g = people();
        let hits = search(&g, "jp", 5);
        assert_eq!(g.actor(hits[0].node).id, "japan");
        assert_eq!(hits[0].on, MatchedOn::CountryCode);
        assert_eq!(hits[0].label("Japan"), "Japan  (JP)");
        // Only states answer to their code; other actors here match "jp" by their ids.
        let others = search(&g, "JP", 10);
        assert!(
            others[1..].iter().all(|h| h.on == MatchedOn::Id),
            "{others:?}"
        );
        assert_eq!(ids(&g, "dk")[0], "denmark");
    }

    #[test]
    fn words_match_in_any_order_each_in_some_word() {
        let g = people();
        // "envoy" is the post's kind, "japan" begins "Japanese": only the Japanese post.
        assert_eq!(ids(&g, "envoy japan"), ["jp-cyber"]);
        assert_eq!(ids(&g, "japan envoy"), ["jp-cyber"]);
        assert_eq!(ids(&g, "policy cyber")[..2], ["jp-division", "jp-cyber"]);
        // A typo per word is forgiven; a word that matches nothing rules the actor out.
        assert_eq!(ids(&g, "ambasador danish"), ["dk-tech"]);
        assert!(ids(&g, "envoy brazil").is_empty());
        assert!(
            words_score("cyber", "cyber policy", &[]).is_none(),
            "one word is a plain match"
        );
    }

    #[test]
    fn aliases_in_other_scripts_match_as_written() {
        let g = people();
        assert_eq!(ids(&g, "日本"), ["japan"]);
        assert_eq!(ids(&g, "日"), ["japan"]);
        // Kana voicing marks are part of the letter and survive folding; Latin accents do not.
        assert_eq!(fold("ガイム"), "ガイム");
        assert_ne!(fold("ガ"), fold("カ"));
        assert_eq!(fold("Ёлка"), "елка");
    }

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("Émilie  Dupré-Smith"), "emilie dupre smith");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("ČESKO"), "cesko");
    }

    #[test]
    fn ranks_exact_prefix_word_substring_then_typos() {
        assert_eq!(score("gamma act", "gamma act"), Some(100));
        assert_eq!(score("gam", "gamma act"), Some(90));
        assert_eq!(score("act", "gamma act"), Some(80));
        assert_eq!(score("mma", "gamma act"), Some(70));
        assert_eq!(score("brusels", "brussels effect"), Some(50));
        assert_eq!(score("huawie", "huawei technologies"), Some(50));
        assert_eq!(score("xyz", "gamma act"), None);
        assert_eq!(score("zzzzzzzz", "gamma act"), None);
    }

    #[test]
    fn finds_by_name_alias_and_id_tolerating_typos() {
        let g = fixture::graph();
        let first = |q: &str| search(&g, q, 5).first().map(|h| g.actor(h.node).id.clone());
        assert_eq!(first("Gamma"), Some("c".into()));
        assert_eq!(first("gama act"), Some("c".into()));
        assert_eq!(first("ÉPSILON"), Some("e".into()));
        // "c" scores 100 on its id and on nothing else; the name wins when both match.
        let epsilon = search(&g, "epsilon", 1);
        assert_eq!(epsilon[0].matched, "Epsilon");
        assert!(search(&g, "", 5).is_empty());
    }
}

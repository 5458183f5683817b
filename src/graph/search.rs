//! Type-ahead search over actor names, aliases and ids: accents and case ignored, one or two
//! typos forgiven, whole words and prefixes ranked first.

use petgraph::graph::NodeIndex;
use unicode_normalization::UnicodeNormalization;

use super::AtlasGraph;
use super::time::{Day, Standing};

/// Lower case, accents stripped (é → e), punctuation turned into spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
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
    let allowed = match q.len() {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
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

/// One hit: the actor and how well it matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub node: NodeIndex,
    pub score: u32,
    /// The name or alias that matched.
    pub matched: String,
    /// Where the actor stands on the day searched at, if one was given.
    pub standing: Option<Standing>,
}

impl Hit {
    /// False only when a day was given and the actor does not exist on it.
    pub fn exists(&self) -> bool {
        self.standing.is_none_or(Standing::exists)
    }
}

/// Best matches first (ties by name), at most `limit`.
pub fn search(graph: &AtlasGraph, query: &str, limit: usize) -> Vec<Hit> {
    search_on(graph, query, limit, None)
}

/// [`search`] as of `day`: every hit carries its standing on that day, and among equally good
/// matches those that exist on the day come first. What does not exist yet is still found
/// (someone looking for IPEF as of 2019 should learn that it came later), only flagged.
pub fn search_on(graph: &AtlasGraph, query: &str, limit: usize, day: Option<Day>) -> Vec<Hit> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    // Within one score, a match on the name beats one on an alias, which beats one on the
    // id; then shorter names (closer matches) come first.
    let mut hits: Vec<(Hit, u8, usize)> = graph
        .nodes()
        .filter_map(|node| {
            let actor = graph.actor(node);
            let candidates = std::iter::once((&actor.name, 2u8))
                .chain(actor.aliases.iter().map(|a| (a, 1u8)))
                .chain(std::iter::once((&actor.id, 0u8)));
            let mut best: Option<(u32, u8, &String)> = None;
            for (text, rank) in candidates {
                if let Some(score) = score(&q, &fold(text))
                    && best.is_none_or(|(s, r, _)| (score, rank) > (s, r))
                {
                    best = Some((score, rank, text));
                }
            }
            best.map(|(score, rank, text)| {
                let hit = Hit {
                    node,
                    score,
                    matched: text.clone(),
                    standing: day.map(|day| graph.actor_standing(node, day)),
                };
                (hit, rank, actor.name.chars().count())
            })
        })
        .collect();
    hits.sort_by(|(a, ra, la), (b, rb, lb)| {
        (b.score, b.exists(), rb)
            .cmp(&(a.score, a.exists(), ra))
            .then(la.cmp(lb))
            .then_with(|| graph.actor(a.node).name.cmp(&graph.actor(b.node).name))
    });
    let mut hits: Vec<Hit> = hits.into_iter().map(|(h, _, _)| h).collect();
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

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

    #[test]
    fn as_of_a_day_flags_and_ranks_what_does_not_exist_yet() {
        let g = fixture::graph();
        let day = Day::first_of("2015".parse().expect("date"));
        let hits = search_on(&g, "gamma", 5, Some(day));
        let gamma = &hits[0];
        assert_eq!(g.actor(gamma.node).id, "c");
        assert!(!gamma.exists(), "Gamma Act was founded in 2018");
        assert_eq!(
            gamma.standing.map(|s| s.status),
            Some(super::super::Status::NotYet)
        );
        // "beta" and "delta" both match "ta" as a substring (70); founded later, Beta no
        // longer exists in 2015 while Delta (no founding date) does.
        let mut atlas = g.atlas().clone();
        atlas.actors[1].founded = Some("2016".parse().expect("date"));
        let later = AtlasGraph::new(atlas);
        let order: Vec<String> = search_on(&later, "ta", 5, Some(day))
            .iter()
            .map(|h| later.actor(h.node).id.clone())
            .collect();
        assert_eq!(
            order,
            ["d", "b"],
            "Beta (2016) does not exist in 2015: after Delta"
        );
        let plain: Vec<String> = search(&later, "ta", 5)
            .iter()
            .map(|h| later.actor(h.node).id.clone())
            .collect();
        assert_eq!(plain, ["b", "d"], "without a day, shorter name first");
    }
}

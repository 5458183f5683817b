//! Byte offsets to 1-based line and column (in characters), in logarithmic time.
//!
//! Counting characters from the start of the line for every message is quadratic when the
//! whole dataset is one line: 90,000 problems in a 46 MB one-line file took minutes. The
//! index notes where each line starts and, every [`STRIDE`] bytes, how many characters came
//! before; a lookup is a binary search plus a count over at most one stride.

/// Bytes between two character-count checkpoints.
const STRIDE: usize = 4096;

/// Line starts and character-count checkpoints of one text.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)`, offsets on character boundaries, ascending.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Reads `text` once.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(text.as_bytes()))
            .collect();
        let mut checkpoints = vec![(0, 0)];
        let mut chars = 0usize;
        let mut at = 0usize;
        while at < text.len() {
            let mut next = (at + STRIDE).min(text.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += count_chars(&text.as_bytes()[at..next]);
            checkpoints.push((next, chars));
            at = next;
        }
        Self {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// Characters before byte `offset` (clamped to the text, and back to a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let k = self.checkpoints.partition_point(|&(o, _)| o <= offset) - 1;
        let (base, chars) = self.checkpoints[k];
        chars + count_chars(&self.text.as_bytes()[base..offset])
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let col = self.chars_before(offset) - self.chars_before(start) + 1;
        (line.max(1), col)
    }
}

/// Offsets just after each `\n`.
fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// Characters in valid UTF-8 `bytes`: every byte that is not a continuation byte starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious way, as the reference.
    fn naive(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..offset].chars().count() + 1)
    }

    #[test]
    fn agrees_with_counting_from_the_start_on_long_and_short_lines() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(if i % 7 == 0 { "\n" } else { "é日a" });
        }
        text.push_str(&"x".repeat(3 * STRIDE));
        text.push('\n');
        let index = LineIndex::new(&text);
        for offset in (0..text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(17)
        {
            assert_eq!(index.position(offset), naive(&text, offset), "at {offset}");
        }
        assert_eq!(index.position(text.len()), naive(&text, text.len()));
        assert_eq!(LineIndex::new("").position(0), (1, 1));
    }
}

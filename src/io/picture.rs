//! Pictures for slides, without egui: the caption a picture carries (drawn in its bottom band
//! and written into the file), and PNG encoding with that caption as text chunks that any
//! reader (and our tests) can read back.

use std::path::Path;

use super::{ExportError, write_atomically};

/// What a picture says about itself: drawn in a band at the bottom of the picture and stored
/// in the file (PNG text chunks, SVG `<title>`/`<desc>` and `<text>`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Caption {
    /// The story step's title, the selection, or the atlas's title.
    pub title: String,
    /// The date and filter of the view, in words ("as of 2019-06-30; regions: Europe").
    pub description: String,
    /// The dataset and its edition.
    pub source: String,
    /// The dataset's licence line.
    pub copyright: String,
}

impl Caption {
    /// The PNG keywords (PNG spec §11.3.4.2) and their texts, in the order they are written.
    pub fn png_keywords(&self) -> [(&'static str, &str); 4] {
        [
            ("Title", &self.title),
            ("Description", &self.description),
            ("Source", &self.source),
            ("Copyright", &self.copyright),
        ]
    }

    /// The line under the title: where the data comes from and under which licence.
    pub fn credit_line(&self) -> String {
        match (self.source.is_empty(), self.copyright.is_empty()) {
            (false, false) => format!("{} · {}", self.source, self.copyright),
            (false, true) => self.source.clone(),
            (true, _) => self.copyright.clone(),
        }
    }
}

/// Encodes `rgba` (`width` × `height` pixels, 4 bytes each, not premultiplied) as a PNG, with
/// the caption's texts as `tEXt` chunks (`iTXt`, UTF-8, for a text beyond Latin-1).
pub fn encode_png(
    width: u32,
    height: u32,
    rgba: &[u8],
    caption: Option<&Caption>,
) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        for (keyword, text) in caption.iter().flat_map(|c| c.png_keywords()) {
            let text = one_line(text);
            if text.is_empty() {
                continue;
            }
            if text.chars().all(|c| u32::from(c) <= 0xFF) {
                encoder.add_text_chunk(keyword.to_string(), text)?;
            } else {
                encoder.add_itxt_chunk(keyword.to_string(), text)?;
            }
        }
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgba)?;
    }
    Ok(bytes)
}

/// Text chunks hold no NUL and our captions no control characters: one plain line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Why a picture was not written.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("{}: cannot encode the PNG: {source}", path.display())]
    Encode {
        path: std::path::PathBuf,
        #[source]
        source: png::EncodingError,
    },
    #[error(transparent)]
    Write(#[from] ExportError),
}

/// Writes a PNG of `rgba` with its caption at `path`, atomically, never over `dataset`.
pub fn write_png(
    path: &Path,
    size: [u32; 2],
    rgba: &[u8],
    caption: Option<&Caption>,
    dataset: Option<&Path>,
) -> Result<(), PictureError> {
    let bytes =
        encode_png(size[0], size[1], rgba, caption).map_err(|source| PictureError::Encode {
            path: path.to_path_buf(),
            source,
        })?;
    write_atomically(path, &bytes, dataset)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bytes: &[u8]) -> Vec<(String, String)> {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut buf).expect("a frame");
        let info = reader.info();
        let mut out: Vec<(String, String)> = info
            .uncompressed_latin1_text
            .iter()
            .map(|t| (t.keyword.clone(), t.text.clone()))
            .collect();
        for t in &info.utf8_text {
            out.push((t.keyword.clone(), t.get_text().expect("utf-8 text")));
        }
        out
    }

    #[test]
    fn caption_texts_are_read_back_latin1_and_beyond() {
        let caption = Caption {
            title: "Brussels effect".into(),
            description: "as of 2019-06-30 — regions: Europe".into(),
            source: "Atlas, edition 2".into(),
            copyright: String::new(),
        };
        let bytes = encode_png(2, 1, &[0; 8], Some(&caption)).expect("encodes");
        let got = texts(&bytes);
        assert!(got.contains(&("Title".into(), "Brussels effect".into())));
        // The dash is not Latin-1: it goes into an iTXt chunk, whole.
        assert!(got.contains(&(
            "Description".into(),
            "as of 2019-06-30 — regions: Europe".into()
        )));
        assert!(got.contains(&("Source".into(), "Atlas, edition 2".into())));
        assert!(
            !got.iter().any(|(k, _)| k == "Copyright"),
            "an empty text is left out"
        );
    }
}

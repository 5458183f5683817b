//! `atlas render`: pictures for slides and print, made with no window. The PNGs are read back
//! with the png crate (size, caption text chunks, pixels in the caption band), the SVG with
//! quick-xml; bad flags fail with a message that names them.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use atlas::model::{Atlas, load_file};

const ATLAS: &str = "atlas-data/atlas.ron";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `atlas render ATLAS ARGS` on the software GL renderer, from the crate root.
fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .arg("render")
        .arg(ATLAS)
        .args(args)
        .current_dir(root())
        .env("WGPU_BACKEND", "gl")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the atlas binary runs")
}

fn atlas() -> Atlas {
    load_file(&root().join(ATLAS))
        .expect("the default atlas loads")
        .atlas
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn succeeded(out: &Output) {
    assert!(out.status.success(), "atlas render failed: {}", stderr(out));
}

/// A PNG read back: its size, RGBA pixels and text chunks (tEXt and iTXt).
struct Png {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
    texts: Vec<(String, String)>,
}

impl Png {
    fn read(path: &Path) -> Self {
        let file = std::fs::File::open(path).expect("the PNG exists");
        let mut reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .expect("a PNG");
        let mut rgba = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut rgba).expect("a frame");
        assert_eq!(frame.color_type, png::ColorType::Rgba);
        let info = reader.info();
        let mut texts: Vec<(String, String)> = info
            .uncompressed_latin1_text
            .iter()
            .map(|t| (t.keyword.clone(), t.text.clone()))
            .collect();
        texts.extend(
            info.utf8_text
                .iter()
                .map(|t| (t.keyword.clone(), t.get_text().expect("UTF-8 text"))),
        );
        Self {
            width: frame.width,
            height: frame.height,
            rgba,
            texts,
        }
    }

    fn text(&self, keyword: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(k, _)| k == keyword)
            .map(|(_, t)| t.as_str())
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }

    /// Pixels in rows `from..to` that differ from the bottom-right corner's colour (the
    /// background there).
    fn inked_in_rows(&self, from: u32, to: u32) -> usize {
        let background = self.pixel(self.width - 1, self.height - 1);
        (from..to)
            .flat_map(|y| (0..self.width).map(move |x| (x, y)))
            .filter(|&(x, y)| self.pixel(x, y) != background)
            .count()
    }
}

fn out_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn a_full_hd_png_has_its_size_and_its_caption_in_text_chunks_and_in_the_band() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "slide.png");
    let run = render(&[
        "--size",
        "1920x1080",
        "--as-of",
        "2020",
        "--region",
        "transatlantic",
        "-o",
        out.to_str().unwrap(),
    ]);
    succeeded(&run);
    let png = Png::read(&out);
    assert_eq!((png.width, png.height), (1920, 1080));
    let meta = atlas().meta;
    assert_eq!(png.text("Title"), Some(meta.title.as_str()));
    assert_eq!(png.text("Copyright"), Some(meta.license.as_str()));
    let source = png.text("Source").expect("a Source chunk");
    assert!(source.contains(&meta.edition), "{source}");
    let description = png.text("Description").expect("a Description chunk");
    assert!(description.contains("as of 2020-12-31"), "{description}");
    assert!(description.contains("Transatlantic"), "{description}");
    // The caption band (the bottom tenth) has text drawn in it.
    let band_inked = png.inked_in_rows(png.height * 9 / 10, png.height);
    assert!(
        band_inked > 2_000,
        "only {band_inked} inked pixels in the band"
    );
}

#[test]
fn without_a_caption_the_png_has_no_caption_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "bare.png");
    succeeded(&render(&[
        "--size",
        "640x360",
        "--no-caption",
        "-o",
        out.to_str().unwrap(),
    ]));
    let png = Png::read(&out);
    assert_eq!((png.width, png.height), (640, 360));
    assert_eq!(png.text("Title"), None);
    assert_eq!(png.text("Copyright"), None);
}

#[test]
fn scale_two_doubles_the_pixels_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "sharp.png");
    succeeded(&render(&[
        "--size",
        "800x450",
        "--scale",
        "2",
        "-o",
        out.to_str().unwrap(),
    ]));
    let png = Png::read(&out);
    assert_eq!((png.width, png.height), (1600, 900));
}

#[test]
fn a_story_step_is_titled_by_the_step_and_says_its_place_in_the_story() {
    let atlas = atlas();
    let story = atlas
        .stories
        .iter()
        .find(|s| s.steps.len() >= 2)
        .expect("a story of two steps or more");
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "step.png");
    succeeded(&render(&[
        "--size",
        "960x540",
        "--story",
        &story.id,
        "--step",
        "2",
        "-o",
        out.to_str().unwrap(),
    ]));
    let png = Png::read(&out);
    assert_eq!((png.width, png.height), (960, 540));
    assert_eq!(png.text("Title"), Some(story.steps[1].title.as_str()));
    let description = png.text("Description").unwrap();
    let place = format!("step 2 of {}", story.steps.len());
    assert!(description.contains(&place), "{description}");
}

#[test]
fn the_map_renders_at_the_asked_size_with_its_caption() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "map.png");
    succeeded(&render(&[
        "--size",
        "960x540",
        "--map",
        "-o",
        out.to_str().unwrap(),
    ]));
    let png = Png::read(&out);
    assert_eq!((png.width, png.height), (960, 540));
    assert_eq!(png.text("Title"), Some(atlas().meta.title.as_str()));
}

/// The texts of every `<text>`, `<title>` and `<desc>` element of an SVG, parsed.
fn svg_texts(svg: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut open: Option<String> = None;
    let mut texts = Vec::new();
    loop {
        match reader.read_event().expect("well-formed SVG") {
            Event::Start(e) => open = Some(String::from_utf8_lossy(e.name().as_ref()).into()),
            Event::Text(t) => {
                if let Some(name) = &open {
                    texts.push((name.clone(), t.unescape().expect("text").into_owned()));
                }
            }
            Event::End(_) => open = None,
            Event::Eof => break,
            _ => {}
        }
    }
    texts
}

#[test]
fn the_svg_parses_and_holds_the_caption_and_the_focused_actor_as_text() {
    let atlas = atlas();
    let japan = atlas
        .actors
        .iter()
        .find(|a| a.name == "Japan")
        .expect("Japan is in the atlas");
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "print.svg");
    succeeded(&render(&[
        "--focus",
        &japan.id,
        "-o",
        out.to_str().unwrap(),
    ]));
    let svg = std::fs::read_to_string(&out).unwrap();
    let texts = svg_texts(&svg);
    let has = |element: &str, text: &str| texts.iter().any(|(e, t)| e == element && t == text);
    assert!(has("title", "Japan"), "the selection titles the picture");
    assert!(has("text", "Japan"), "the focused actor is labelled");
    // The credit line (edition, then licence) may wrap over several <text> lines at the end.
    let first = texts
        .iter()
        .position(|(e, t)| e == "text" && t.contains(&atlas.meta.edition))
        .expect("the edition is in the caption band");
    let credit: Vec<&str> = texts[first..].iter().map(|(_, t)| t.as_str()).collect();
    let credit = credit.join(" ");
    assert!(credit.contains(&atlas.meta.license), "{credit}");
}

#[test]
fn bad_flags_fail_with_a_message_that_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let png = out_path(&dir, "x.png");
    let png = png.to_str().unwrap();
    let svg = out_path(&dir, "x.svg");
    let svg = svg.to_str().unwrap();
    let jpg = out_path(&dir, "x.jpg");
    let jpg = jpg.to_str().unwrap();
    let cases: [(&[&str], &str); 8] = [
        (&["--size", "1920", "-o", png], "--size 1920"),
        (&["--size", "20000x100", "-o", png], "--size 20000x100"),
        (&["--region", "atlantis", "-o", png], "--region atlantis"),
        (
            &["--focus", "nobody-at-all", "-o", png],
            "--focus nobody-at-all",
        ),
        (
            &["--story", "no-such-story", "--step", "1", "-o", png],
            "--story no-such-story",
        ),
        (
            &["--story", "brussels-effect", "--step", "99", "-o", png],
            "--step 99",
        ),
        (&["--as-of", "2020-13", "-o", png], "--as-of 2020-13"),
        (&["-o", jpg], ".jpg"),
    ];
    for (args, named) in cases {
        let run = render(args);
        assert_ne!(run.status.code(), Some(0), "{args:?} should fail");
        assert!(stderr(&run).contains(named), "{args:?}: {}", stderr(&run));
    }
    let map_svg = render(&["--map", "-o", svg]);
    assert_ne!(map_svg.status.code(), Some(0));
    assert!(stderr(&map_svg).contains("--map"), "{}", stderr(&map_svg));
    assert!(
        !Path::new(png).exists(),
        "no picture is left behind by a failure"
    );
}

/// The share of pixels in the top half that have the background colour (the bottom-right
/// corner's, outside any caption text).
fn background_share_of_top_half(png: &Png) -> f64 {
    let half = png.height / 2;
    let inked = png.inked_in_rows(0, half);
    1.0 - inked as f64 / f64::from(png.width * half)
}

#[test]
fn a_story_step_with_the_map_flag_draws_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string(root().join("atlas-data/samples/valid/minimal.ron"))
        .expect("the minimal sample");
    let step = r#"date: Some("2019-05-22")),"#;
    assert!(
        minimal.contains(step),
        "the sample's story step is as expected"
    );
    let with_map = dir.path().join("map-step.ron");
    std::fs::write(
        &with_map,
        minimal.replace(step, r#"date: Some("2019-05-22"), map: true),"#),
    )
    .unwrap();
    let mut shares = Vec::new();
    for file in [
        root().join("atlas-data/samples/valid/minimal.ron"),
        with_map,
    ] {
        let out = dir.path().join("step.png");
        let run = Command::new(env!("CARGO_BIN_EXE_atlas"))
            .args([
                "render",
                file.to_str().unwrap(),
                "--story",
                "tour",
                "--step",
                "1",
            ])
            .args(["--size", "640x360", "-o", out.to_str().unwrap()])
            .env("WGPU_BACKEND", "gl")
            .output()
            .expect("the atlas binary runs");
        succeeded(&run);
        shares.push(background_share_of_top_half(&Png::read(&out)));
    }
    // Three actors leave the network picture mostly empty; the map fills it with land and sea.
    assert!(shares[0] > 0.8, "network: {shares:?}");
    assert!(shares[1] < 0.5, "map: {shares:?}");
}

/// Asking wgpu for a backend this machine cannot have (Metal is Apple's) is how a machine
/// without any graphics driver looks to the program.
#[cfg(target_os = "linux")]
#[test]
fn without_a_graphics_device_the_png_fails_with_a_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_path(&dir, "none.png");
    let run = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args([
            "render",
            ATLAS,
            "--size",
            "320x200",
            "-o",
            out.to_str().unwrap(),
        ])
        .current_dir(root())
        .env("WGPU_BACKEND", "metal")
        .output()
        .expect("the atlas binary runs");
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let message = stderr(&run);
    assert!(message.contains("no graphics device"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    assert!(!out.exists());
}

//! The fonts bundled with the atlas, embedded once and shared by the window and the PDF
//! briefings. Together they cover the scripts the atlas's names use: Latin, Greek and
//! Cyrillic (DejaVu Sans), Arabic, Hebrew and Devanagari (Noto Sans), and Chinese, Japanese
//! and Korean (Droid Sans Fallback). Their licences are beside them in `assets/fonts/`.

/// The font files, in fallback order: a character is set in the first that has it.
pub const FILES: [(&str, &[u8]); 5] = [
    (
        "DejaVuSans.ttf",
        include_bytes!("../assets/fonts/DejaVuSans.ttf"),
    ),
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Regular.ttf",
        include_bytes!("../assets/fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansDevanagari-Regular.ttf",
        include_bytes!("../assets/fonts/NotoSansDevanagari-Regular.ttf"),
    ),
    (
        "DroidSansFallbackFull.ttf",
        include_bytes!("../assets/fonts/DroidSansFallbackFull.ttf"),
    ),
];

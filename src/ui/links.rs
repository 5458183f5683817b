//! Opening a source's web link in the system browser, and saying so when it cannot be.
//!
//! egui's own `open_url` reports nothing and leaves the browser launcher unreaped; here the
//! launcher runs on a background thread that waits for it, so no child process is left
//! behind, and a launcher that is missing or fails becomes a message in the status bar.

use std::process::{Command, Stdio};

use crate::model::validate::is_web_link;

/// The system's link launcher and its arguments before the link.
fn launcher() -> (&'static str, &'static [&'static str]) {
    if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(target_os = "windows") {
        ("rundll32", &["url.dll,FileProtocolHandler"])
    } else {
        ("xdg-open", &[])
    }
}

/// Opens an http(s) `url` with the system launcher and waits for the launcher to finish
/// (no shell: the link is one argument). Anything else is refused, never handed to the OS.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    let url = url.trim();
    if !is_web_link(url) {
        return Err(format!("{url} is not an http(s) link"));
    }
    let (program, args) = launcher();
    let status = Command::new(program)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("{program} could not be started: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} found no browser to open it ({status})"))
    }
}

/// The status line while a link opens: the browser may still not show it (none set up,
/// or offline), which the app cannot see, so it says what to do then.
pub fn opening_message(url: &str) -> String {
    format!("Opening the link in the browser. If no browser opened, copy the link: {url}")
}

/// The status line when the launcher failed.
pub fn failed_message(url: &str, why: &str) -> String {
    format!("The link could not be opened: {why}. Copy the link instead: {url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_handed_to_the_launcher() {
        let refused = open_in_browser("file:///etc/passwd").expect_err("refused");
        assert!(refused.contains("not an http(s) link"), "{refused}");
        assert!(open_in_browser("javascript:alert(1)").is_err());
    }
}

//! The `atlas` binary: the window, or a command-line subcommand.

// mimalloc halves the cost of the allocation-heavy parts (loading, building frames).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    atlas::cli::run()
}

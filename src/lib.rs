//! Tech Diplomacy Atlas: an offline atlas of tech diplomacy — who the actors are, how they
//! relate and when things happened — as a graph, a timeline and guided stories.
//!
//! Dependencies point one way: `ui` → `graph`/`layout` → `model`. `model`, `graph` and
//! `layout` never touch egui, so they are testable and benchmarkable without a window.

pub mod brief;
pub mod cli;
pub mod edit;
pub mod fonts;
pub mod graph;
pub mod io;
pub mod layout;
pub mod map;
pub mod model;
pub mod synth;
pub mod ui;

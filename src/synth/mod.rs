//! Synthetic data for tests, benchmarks and demos: a small deterministic random number
//! generator, a scale-free graph generator, and whole synthetic atlases whose names and
//! sources say plainly that nothing in them is real.

pub mod atlas;
pub mod rng;
pub mod scale_free;

pub use atlas::{SynthSize, synthetic_atlas};
pub use rng::Rng;
pub use scale_free::preferential_attachment;

//! The dataset: schema, partial dates, loading and validation. No UI here.

pub mod date;
pub mod diagnostic;
pub mod fast_hash;
pub mod fast_ron;
mod iso3166;
mod labels;
mod lexis;
mod lines;
pub mod load;
mod locate;
mod read;
pub mod schema;
pub mod source_quality;
pub mod text_rules;
pub mod validate;
mod validate_graph;
mod validate_sources;
mod validate_text;

pub use date::{DateError, PartialDate};
pub use diagnostic::{Diagnostic, Report, Severity};
pub use load::{
    DEFAULT_ATLAS_NAME, LoadError, Loaded, MAX_DATASET_BYTES, load_default, load_file, load_str,
    load_str_with, read_text,
};
pub use read::special_kind;
pub use schema::*;

//! The dataset: schema, partial dates, loading and validation. No UI here.

pub mod date;
pub mod diagnostic;
pub mod fast_hash;
pub mod fast_ron;
mod labels;
pub mod load;
mod locate;
pub mod schema;
pub mod validate;
mod validate_dates;

pub use date::{DateError, PartialDate};
pub use diagnostic::{Diagnostic, Report, Severity};
pub use load::{
    DEFAULT_ATLAS_NAME, LoadError, Loaded, MAX_DATASET_BYTES, load_default, load_file, load_str,
    load_str_with, read_text,
};
pub use schema::*;

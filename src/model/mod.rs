//! The dataset: schema, partial dates, loading and validation. No UI here.

pub mod date;
pub mod diagnostic;
mod labels;
pub mod load;
mod locate;
pub mod schema;
pub mod validate;

pub use date::{DateError, PartialDate};
pub use diagnostic::{Diagnostic, Report, Severity};
pub use load::{
    DEFAULT_ATLAS_NAME, LoadError, Loaded, MAX_DATASET_BYTES, load_default, load_file, load_str,
};
pub use schema::*;

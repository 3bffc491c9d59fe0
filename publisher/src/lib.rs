//! The publisher's side of tintuc: what `tintuc-content` does to a content tree and a release
//! folder. Native only: none of it reaches the app's WebAssembly.

// The app's whole view type is deep; rendering it natively needs more than the default.
#![recursion_limit = "256"]

pub mod catalog;
pub mod cli;
pub mod error;
pub mod feeds;
pub mod hostile;
pub mod images;
pub mod incremental;
pub mod markdown;
pub mod render;
pub mod sample;
pub mod search;
pub mod watch;

pub use error::PublishError;

//! Crosscheck: a research notebook for reporting on the Russia–Ukraine war.
//!
//! The core (`model`, `project`, `ingest`, `clean`, `claims`, `places`, `compare`, `analysis`,
//! `export`) never touches the screen; `app` draws it with egui.

pub mod analysis;
pub mod app;
pub mod claims;
pub mod clean;
pub mod cli;
pub mod compare;
pub mod export;
pub mod folder;
pub mod fuzzing;
pub mod ingest;
pub mod model;
pub mod outlets;
pub mod places;
pub mod project;
pub mod synth;

//! The one finding model every drydock scanner reports into, and the renderers that turn a
//! [`Report`] into `table`, `json`, `sarif` or `github` output.
//!
//! Scanners never print: they fill a [`Report`]; the binary picks a [`Format`] and calls
//! [`render`].

mod github;
mod json;
mod model;
mod sarif;
mod table;

pub use model::{Finding, Location, Report, RuleInfo, ScanError, Severity, SeverityParseError};

use std::io::Write;

/// Output formats, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Github,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "table" | "text" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "github" => Ok(Format::Github),
            other => Err(format!(
                "unknown format `{other}` (expected table, json, sarif or github)"
            )),
        }
    }
}

/// Options that change how a report looks, not what it says.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use ANSI colours (only the table format has any).
    pub color: bool,
}

/// Write `report` in `format` to `out`.
pub fn render(
    report: &Report,
    format: Format,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Table => table::render(report, opts, out),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, out),
    }
}

/// The version written into every machine-readable report.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Where rule documentation lives; a rule's page is `{DOCS_BASE}/{id}.md`.
pub const DOCS_BASE: &str = "https://github.com/drydock-sec/drydock/blob/main/docs/rules";

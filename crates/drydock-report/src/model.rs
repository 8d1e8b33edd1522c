use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// How bad a finding is. Ordered: `Info < Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "INFO",
            Severity::Low => "LOW",
            Severity::Medium => "MEDIUM",
            Severity::High => "HIGH",
            Severity::Critical => "CRITICAL",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown severity `{0}` (expected CRITICAL, HIGH, MEDIUM, LOW or INFO)")]
pub struct SeverityParseError(pub String);

impl std::str::FromStr for Severity {
    type Err = SeverityParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "CRITICAL" => Ok(Severity::Critical),
            "HIGH" | "ERROR" => Ok(Severity::High),
            "MEDIUM" | "WARNING" => Ok(Severity::Medium),
            "LOW" => Ok(Severity::Low),
            "INFO" | "STYLE" | "NOTE" => Ok(Severity::Info),
            _ => Err(SeverityParseError(s.to_string())),
        }
    }
}

/// Where a finding is. Lines and columns are 1-based; `end_column` is inclusive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub path: String,
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// For findings inside container images: the layer digest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
}

impl Location {
    pub fn line(path: impl Into<String>, line: u32) -> Self {
        Location {
            path: path.into(),
            start_line: line,
            start_column: 1,
            end_line: line,
            end_column: 1,
            layer: None,
        }
    }
}

/// One problem found by one rule (or advisory) in one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule_id: String,
    pub rule_name: String,
    pub severity: Severity,
    pub title: String,
    /// Specific to this case: names the package, port, flag or value at fault.
    pub message: String,
    /// What was scanned: the file, directory or image the user named.
    pub target: String,
    pub location: Location,
    pub remediation: String,
    pub doc_url: String,
    pub peer_ids: Vec<String>,
    pub references: Vec<String>,
}

/// Static description of a rule, used by `drydock rules` and SARIF's `tool.driver.rules`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub name: String,
    pub severity: Severity,
    pub title: String,
    /// Full documentation in Markdown (what, why, how to fix).
    pub doc: String,
    pub remediation: String,
    pub peer_ids: Vec<String>,
    pub references: Vec<String>,
    /// Off unless enabled in configuration.
    pub opt_in: bool,
    pub file_kind: String,
}

impl RuleInfo {
    pub fn doc_url(&self) -> String {
        format!("{}/{}.md", crate::DOCS_BASE, self.id)
    }
}

/// A target that could not be read at all (findings about content go in `findings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanError {
    pub path: String,
    pub message: String,
}

/// Everything one run found, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    /// The rules that ran, so SARIF can describe each result's rule.
    pub rules: Vec<RuleInfo>,
    /// Source text by path, so the table can show the offending line.
    pub sources: BTreeMap<String, String>,
    /// How many files were scanned.
    pub scanned: usize,
}

impl Report {
    /// Sort findings by path, line, column, then rule id.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            (
                &a.location.path,
                a.location.start_line,
                a.location.start_column,
                &a.rule_id,
            )
                .cmp(&(
                    &b.location.path,
                    b.location.start_line,
                    b.location.start_column,
                    &b.rule_id,
                ))
        });
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// Counts per severity, highest first.
    pub fn counts(&self) -> Vec<(Severity, usize)> {
        Severity::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    self.findings.iter().filter(|f| f.severity == *s).count(),
                )
            })
            .collect()
    }

    /// The source line `line` (1-based) of `path`, if the source is known.
    pub fn source_line(&self, path: &str, line: u32) -> Option<&str> {
        let src = self.sources.get(path)?;
        src.lines().nth(line.checked_sub(1)? as usize)
    }
}

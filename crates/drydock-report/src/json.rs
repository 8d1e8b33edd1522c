//! JSON output. Schema version 1, documented in `docs/json-schema.md`:
//! `{schema_version, tool{name,version}, summary{scanned,findings,by_severity}, findings[], errors[]}`.
use crate::{Report, TOOL_VERSION};
use serde_json::json;
use std::io::Write;

pub(crate) const SCHEMA_VERSION: u32 = 1;

pub(crate) fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let by_severity: serde_json::Map<String, serde_json::Value> = report
        .counts()
        .into_iter()
        .map(|(s, n)| (s.as_str().to_string(), json!(n)))
        .collect();
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "drydock", "version": TOOL_VERSION},
        "summary": {
            "scanned": report.scanned,
            "findings": report.findings.len(),
            "by_severity": by_severity,
        },
        "findings": report.findings,
        "errors": report.errors,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

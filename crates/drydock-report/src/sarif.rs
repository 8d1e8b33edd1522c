//! SARIF 2.1.0, shaped for GitHub code scanning: every rule carries full description, help
//! (text and Markdown) and a numeric `security-severity`; every result has a region.
use crate::{Report, Severity, TOOL_VERSION};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "note",
    }
}

/// GitHub maps `security-severity` to critical (>= 9.0), high (>= 7.0), medium (>= 4.0), low.
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "2.0",
        Severity::Info => "0.0",
    }
}

/// A relative path with forward slashes, as SARIF's `uri` wants it.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p).to_string();
    p.split('/')
        .map(|seg| {
            seg.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub(crate) fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    // Rules: every rule that ran, plus any rule only known from a finding.
    let mut rules: BTreeMap<&str, Value> = BTreeMap::new();
    for r in &report.rules {
        let mut tags = vec!["security".to_string(), r.file_kind.clone()];
        tags.extend(r.peer_ids.iter().cloned());
        rules.insert(
            &r.id,
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": first_paragraph(&r.doc).unwrap_or(&r.title)},
                "helpUri": r.doc_url(),
                "help": {"text": format!("{}\n\nFix: {}", r.title, r.remediation), "markdown": r.doc},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {
                    "security-severity": security_severity(r.severity),
                    "tags": tags,
                    "precision": "very-high",
                    "problem.severity": level(r.severity),
                },
            }),
        );
    }
    for f in &report.findings {
        rules.entry(&f.rule_id).or_insert_with(|| {
            json!({
                "id": f.rule_id,
                "name": f.rule_name,
                "shortDescription": {"text": f.title},
                "fullDescription": {"text": f.title},
                "helpUri": f.doc_url,
                "help": {"text": f.remediation, "markdown": f.remediation},
                "defaultConfiguration": {"level": level(f.severity)},
                "properties": {"security-severity": security_severity(f.severity), "tags": ["security"]},
            })
        });
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let l = &f.location;
            let mut region = json!({
                "startLine": l.start_line.max(1),
                "startColumn": l.start_column.max(1),
                "endLine": l.end_line.max(l.start_line).max(1),
            });
            if l.end_line == l.start_line && l.end_column > l.start_column {
                region["endColumn"] = json!(l.end_column + 1);
            }
            if let Some(text) = report.source_line(&l.path, l.start_line) {
                region["snippet"] = json!({"text": text});
            }
            json!({
                "ruleId": f.rule_id,
                "ruleIndex": index[f.rule_id.as_str()],
                "level": level(f.severity),
                "message": {"text": format!("{} Fix: {}", f.message, f.remediation)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&l.path), "uriBaseId": "%SRCROOT%"},
                        "region": region,
                    }
                }],
                "partialFingerprints": {
                    "drydock/v1": format!("{}:{}:{}", f.rule_id, uri(&l.path), f.message),
                },
                "properties": {"severity": f.severity.as_str(), "peer_ids": f.peer_ids},
            })
        })
        .collect();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": {"text": e.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&e.path)}}}],
            })
        })
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "drydock",
                "semanticVersion": TOOL_VERSION,
                "version": TOOL_VERSION,
                "informationUri": "https://github.com/drydock-sec/drydock",
                "rules": rules.into_values().collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn first_paragraph(doc: &str) -> Option<&str> {
    doc.split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::uri;
    #[test]
    fn uri_escapes() {
        assert_eq!(uri("./a b/Dockerfile"), "a%20b/Dockerfile");
        assert_eq!(uri("dir\\x.Dockerfile"), "dir/x.Dockerfile");
    }
}

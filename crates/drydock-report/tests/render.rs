//! Every format renders the same model; SARIF validates against the SARIF 2.1.0 schema.
use drydock_report::{
    render, Finding, Format, Location, RenderOptions, Report, RuleInfo, ScanError, Severity,
};

fn sample() -> Report {
    let mut r = Report::default();
    r.rules.push(RuleInfo {
        id: "DF020".into(),
        name: "apt-get-unpinned".into(),
        severity: Severity::Medium,
        title: "apt-get install without pinned versions".into(),
        doc: "## What it does\nFlags unpinned packages.\n\n## Why is this bad?\nBuilds drift."
            .into(),
        remediation: "Pin versions: `apt-get install curl=7.88.1-10`.".into(),
        peer_ids: vec!["DL3008".into()],
        references: vec![],
        opt_in: false,
        file_kind: "dockerfile".into(),
    });
    r.findings.push(Finding {
        rule_id: "DF020".into(),
        rule_name: "apt-get-unpinned".into(),
        severity: Severity::Medium,
        title: "apt-get install without pinned versions".into(),
        message: "`curl` is not pinned".into(),
        target: "dir with space/Dockerfile".into(),
        location: Location {
            path: "dir with space/Dockerfile".into(),
            start_line: 2,
            start_column: 1,
            end_line: 3,
            end_column: 9,
            layer: None,
        },
        remediation: "Pin versions.".into(),
        doc_url: "https://example.invalid/DF020".into(),
        peer_ids: vec!["DL3008".into()],
        references: vec![],
    });
    // A finding whose rule is not in `rules` still gets a rule entry.
    r.findings.push(Finding {
        rule_id: "DF999".into(),
        rule_name: "other".into(),
        severity: Severity::Critical,
        title: "Other".into(),
        message: "msg, with: commas\nand newline".into(),
        target: "Dockerfile".into(),
        location: Location::line("Dockerfile", 1),
        remediation: "Fix it.".into(),
        doc_url: "https://example.invalid/DF999".into(),
        peer_ids: vec![],
        references: vec![],
    });
    r.errors.push(ScanError {
        path: "missing/Dockerfile".into(),
        message: "cannot read file".into(),
    });
    r.sources.insert(
        "dir with space/Dockerfile".into(),
        "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n".into(),
    );
    r.scanned = 2;
    r.sort();
    r
}

fn out(format: Format) -> String {
    let mut buf = Vec::new();
    render(&sample(), format, &RenderOptions::default(), &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out(Format::Sarif)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    // GitHub code scanning needs these.
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 2);
    let result = &run["results"][0];
    assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());
    assert!(run["tool"]["driver"]["rules"][0]["properties"]["security-severity"].is_string());
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "Dockerfile"
    );
}

#[test]
fn sarif_schema_rejects_broken_documents() {
    // The validator must be able to fail, or the test above proves nothing.
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn json_schema_v1() {
    insta::assert_snapshot!(out(Format::Json).replace(drydock_report::TOOL_VERSION, "[VERSION]"));
}

#[test]
fn github_annotations() {
    insta::assert_snapshot!(out(Format::Github));
}

#[test]
fn table_without_color() {
    insta::assert_snapshot!(out(Format::Table));
}

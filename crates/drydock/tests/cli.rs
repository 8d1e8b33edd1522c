//! End-to-end tests of the `drydock` binary: exit codes, formats, suppression, configuration.
use std::path::Path;
use std::process::{Command, Output};

fn drydock(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_drydock"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run drydock")
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("bad json ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect()
}

const ROOT: &str = "FROM debian:12\nUSER root\n";

#[test]
fn exit_codes_follow_the_gate() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "Dockerfile", ROOT);
    assert_eq!(
        drydock(t.path(), &["config", "-f", "json", "."])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        drydock(t.path(), &["config", "--exit-code", "0", "."])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        drydock(t.path(), &["config", "--exit-code", "7", "."])
            .status
            .code(),
        Some(7)
    );
    // Nothing CRITICAL here: the gate passes and the report is empty.
    let o = drydock(
        t.path(),
        &["config", "-f", "json", "--severity", "CRITICAL", "."],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(ids(&json(&o)).is_empty());
    // Errors exit 2 and name the path.
    let o = drydock(t.path(), &["config", "does-not-exist"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("does-not-exist"));
    let o = drydock(t.path(), &["config", "-f", "yaml", "."]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn json_report_has_versioned_schema_and_locations() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "Dockerfile", ROOT);
    let v = json(&drydock(t.path(), &["config", "-f", "json", "Dockerfile"]));
    assert_eq!(v["schema_version"], 1);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "DF001")
        .expect("DF001");
    assert_eq!(f["location"]["path"], "Dockerfile");
    assert_eq!(f["location"]["start_line"], 2);
    assert_eq!(f["severity"], "HIGH");
    assert!(f["peer_ids"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "DL3002"));
}

#[test]
fn inline_pragmas_suppress_by_id_and_peer_id() {
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "a.Dockerfile",
        "FROM debian:12\n# hadolint ignore=DL3002\nUSER root\n",
    );
    write(
        t.path(),
        "b.Dockerfile",
        "FROM debian:12\n# drydock:ignore=DF001\nUSER root\n",
    );
    write(
        t.path(),
        "c.Dockerfile",
        "FROM debian:12\n# unrelated comment\nUSER root\n",
    );
    write(
        t.path(),
        "d.Dockerfile",
        "# hadolint global ignore=DL3002\nFROM debian:12\nUSER root\n",
    );
    let v = json(&drydock(t.path(), &["config", "-f", "json", "."]));
    let files: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "DF001")
        .map(|f| f["location"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["./c.Dockerfile"]);
}

#[test]
fn config_file_disables_and_overrides() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "Dockerfile", ROOT);
    write(
        t.path(),
        ".drydock.yaml",
        "rules:\n  disable: [missing-user]\n  severity: {DL3002: LOW}\n",
    );
    let v = json(&drydock(t.path(), &["config", "-f", "json", "."]));
    assert_eq!(ids(&v), ["DF001"]);
    assert_eq!(v["findings"][0]["severity"], "LOW");
    // A typo in the config is an error that names the file, not a silent no-op.
    write(t.path(), "bad.yaml", "rules:\n  disable: [NOPE123]\n");
    let o = drydock(t.path(), &["config", "--config", "bad.yaml", "."]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.yaml") && err.contains("NOPE123"), "{err}");
    write(t.path(), "bad2.yaml", "rulez: []\n");
    assert_eq!(
        drydock(t.path(), &["config", "--config", "bad2.yaml", "."])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn ignore_file_entries_expire() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "Dockerfile", ROOT);
    write(
        t.path(),
        "live",
        "DF001 exp:2999-01-01 # accepted risk\nDS-0002\n",
    );
    write(t.path(), "expired", "DF001 exp:2000-01-01\n");
    let v = json(&drydock(
        t.path(),
        &["config", "-f", "json", "--ignore-file", "live", "."],
    ));
    assert!(ids(&v).is_empty(), "{:?}", ids(&v));
    let v = json(&drydock(
        t.path(),
        &["config", "-f", "json", "--ignore-file", "expired", "."],
    ));
    assert!(ids(&v).contains(&"DF001".to_string()));
}

#[test]
fn walks_directories_by_name_and_respects_gitignore() {
    let t = tempfile::tempdir().unwrap();
    for name in [
        "Dockerfile",
        "Containerfile",
        "api.Dockerfile",
        "Dockerfile.prod",
        "x.dockerfile",
        ".devcontainer/Dockerfile",
        "skip/Dockerfile",
    ] {
        write(t.path(), name, ROOT);
    }
    write(t.path(), "README.md", "FROM x\n");
    write(t.path(), ".gitignore", "skip/\n");
    let v = json(&drydock(t.path(), &["config", "-f", "json", "."]));
    assert_eq!(v["summary"]["scanned"], 6);
    let v = json(&drydock(
        t.path(),
        &["config", "-f", "json", "--no-gitignore", "."],
    ));
    assert_eq!(v["summary"]["scanned"], 7);
}

#[test]
fn a_broken_file_does_not_hide_the_others() {
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "a.Dockerfile",
        "FROM debian:12\nFORM oops\nUSER root\n",
    );
    write(t.path(), "b.Dockerfile", ROOT);
    std::fs::write(
        t.path().join("c.Dockerfile"),
        [0xff, 0xfe, 0x00, b'\n', b'R', b'U', b'N'],
    )
    .unwrap();
    let o = drydock(t.path(), &["config", "-f", "json", "."]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let got: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["rule_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        got.contains(&("./a.Dockerfile".into(), "DF000".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("./a.Dockerfile".into(), "DF001".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("./b.Dockerfile".into(), "DF001".into())),
        "{got:?}"
    );
}

#[test]
fn sarif_and_github_and_output_file() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "Dockerfile", ROOT);
    let o = drydock(t.path(), &["config", "-f", "sarif", "-o", "out.sarif", "."]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(t.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    let o = drydock(t.path(), &["config", "-f", "github", "."]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("::error file=./Dockerfile,line=2"));
}

#[test]
fn table_shows_line_and_fix_without_color_when_piped() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "Dockerfile", ROOT);
    let o = drydock(t.path(), &["config", "."]);
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("2 │ USER root") && s.contains("fix:"), "{s}");
    assert!(!s.contains('\u{1b}'), "colour codes on a pipe");
}

#[test]
fn rules_listing_and_docs() {
    let t = tempfile::tempdir().unwrap();
    let o = drydock(t.path(), &["rules", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "DF001"
        && r["peer_ids"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "DL3002")));
    let o = drydock(t.path(), &["rules", "DL3002"]);
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("DF001") && s.contains("## What it does"), "{s}");
    assert_eq!(drydock(t.path(), &["rules", "NOPE"]).status.code(), Some(2));
}

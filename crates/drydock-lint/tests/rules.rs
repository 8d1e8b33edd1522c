//! Fixture-driven snapshot tests: every rule has `fixtures/<kind>/<ID>/` with `bad*` files
//! (each must give at least one finding of that rule) and `good*` files (must give none). The
//! findings of all files are snapshotted, so a reviewer reads what a user would see.
use drydock_lint::{all_rules, dockerfile, Config};
use std::fmt::Write;
use std::path::Path;

fn render(path: &str, source: &str, findings: &[drydock_report::Finding]) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut s = String::new();
    for f in findings {
        let l = &f.location;
        writeln!(
            s,
            "{path}:{}:{}-{}:{} {} [{}] {}",
            l.start_line,
            l.start_column,
            l.end_line,
            l.end_column,
            f.rule_id,
            f.severity,
            f.message
        )
        .unwrap();
        if let Some(src) = lines.get(l.start_line as usize - 1) {
            writeln!(s, "    | {src}").unwrap();
        }
    }
    s
}

#[test]
fn every_rule_has_fixtures_and_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    // `DRYDOCK_RULES=DF020,DF021` checks only those rules (handy while writing one).
    let only: Option<Vec<String>> = std::env::var("DRYDOCK_RULES")
        .ok()
        .map(|v| v.split(',').map(str::to_string).collect());
    for rule in all_rules() {
        if only
            .as_ref()
            .is_some_and(|o| !o.iter().any(|k| rule.matches(k)))
        {
            continue;
        }
        let dir = root.join(rule.kind.as_str()).join(rule.id);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            missing.push(rule.id);
            continue;
        };
        let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        let mut config = Config::new();
        config.enabled.push(rule.id.to_string());
        config.trusted_registries = vec![
            "docker.io".into(),
            "gcr.io".into(),
            "registry.example.com".into(),
        ];
        let mut out = String::new();
        let (mut bad, mut good) = (0, 0);
        for f in &files {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            let source = std::fs::read_to_string(f).unwrap();
            let findings = dockerfile::lint_with(&name, &name, &source, &config, &[rule]);
            if name.starts_with("bad") {
                bad += 1;
                if findings.is_empty() {
                    failures.push(format!("{}: {name} gives no finding", rule.id));
                }
            } else if name.starts_with("good") {
                good += 1;
                if !findings.is_empty() {
                    failures.push(format!(
                        "{}: {name} gives findings:\n{}",
                        rule.id,
                        render(&name, &source, &findings)
                    ));
                }
            }
            out.push_str(&render(&name, &source, &findings));
        }
        if bad == 0 || good == 0 {
            failures.push(format!(
                "{}: needs at least one bad* and one good* fixture",
                rule.id
            ));
        }
        insta::assert_snapshot!(rule.id, out);
    }
    assert!(missing.is_empty(), "rules without fixtures: {missing:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_ids_and_names_are_unique_and_documented() {
    let rules = all_rules();
    let mut ids: Vec<_> = rules.iter().map(|r| r.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), rules.len(), "duplicate rule ids");
    let mut names: Vec<_> = rules.iter().map(|r| r.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), rules.len(), "duplicate rule names");
    for r in rules {
        assert!(
            r.doc.contains("## What it does"),
            "{} lacks `## What it does`",
            r.id
        );
        assert!(
            r.doc.contains("## Why is this bad?"),
            "{} lacks `## Why is this bad?`",
            r.id
        );
        assert!(!r.remediation.is_empty() && !r.title.is_empty(), "{}", r.id);
    }
    // The full set of ids is a reviewed list: renaming or removing one shows in this snapshot.
    let listing: Vec<String> = rules
        .iter()
        .map(|r| format!("{} {} {:?}", r.id, r.name, r.peer_ids))
        .collect();
    insta::assert_snapshot!("rule_ids", listing.join("\n"));
}

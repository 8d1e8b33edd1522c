//! `docs/rules/` is generated from the rules' doc comments and must not drift from them.
//! Regenerate with `DRYDOCK_UPDATE_DOCS=1 cargo test -p drydock-lint --test docs`.
use std::path::Path;

#[test]
fn rule_docs_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let update = std::env::var_os("DRYDOCK_UPDATE_DOCS").is_some();
    let mut expected = vec![("README.md".to_string(), drydock_lint::docs::index_page())];
    for r in drydock_lint::all_rules() {
        expected.push((format!("{}.md", r.id), drydock_lint::docs::rule_page(r)));
    }
    if update {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let on_disk = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert!(stale.is_empty() && on_disk == expected.len(), "docs/rules is stale ({stale:?}); run DRYDOCK_UPDATE_DOCS=1 cargo test -p drydock-lint --test docs");
}

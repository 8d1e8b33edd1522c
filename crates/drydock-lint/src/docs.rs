//! Rule documentation pages, generated from the rules' own doc comments (`docs/rules/`).
use crate::rule::Rule;
use std::fmt::Write;

/// The Markdown page of one rule.
pub fn rule_page(rule: &Rule) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} `{}`: {}\n", rule.id, rule.name, rule.title);
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(
        s,
        "| Severity | {}{} |",
        rule.severity,
        if rule.opt_in { " (opt-in)" } else { "" }
    );
    let _ = writeln!(s, "| Applies to | {} |", rule.kind.as_str());
    if !rule.peer_ids.is_empty() {
        let _ = writeln!(s, "| Same as | {} |", rule.peer_ids.join(", "));
    }
    let _ = writeln!(s, "| Fix | {} |\n", rule.remediation.replace('|', "\\|"));
    let _ = writeln!(s, "{}", rule.documentation());
    if !rule.references.is_empty() {
        let _ = writeln!(s, "\n## References\n");
        for r in rule.references {
            let _ = writeln!(s, "- <{r}>");
        }
    }
    let _ = writeln!(
        s,
        "\nSuppress with `# drydock:ignore={}` above the instruction, or `rules.disable` in `.drydock.yaml`.",
        rule.id
    );
    s
}

/// The index of every rule.
pub fn index_page() -> String {
    let mut s = String::from(
        "# drydock rules\n\nGenerated from the rules' doc comments (`cargo test -p drydock-lint --test docs` checks it is current;\n`DRYDOCK_UPDATE_DOCS=1` rewrites it).\n\n| id | name | severity | same as |\n|---|---|---|---|\n",
    );
    for r in crate::all_rules() {
        let _ = writeln!(
            s,
            "| [{}]({}.md) | `{}`{} | {} | {} |",
            r.id,
            r.id,
            r.name,
            if r.opt_in { " (opt-in)" } else { "" },
            r.severity,
            r.peer_ids.join(", ")
        );
    }
    s
}

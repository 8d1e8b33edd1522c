//! The rule model. A rule is a `static` declared with [`declare_rule!`] in its own file; its
//! doc comment is its user documentation (`drydock rules ID` prints it, docs are generated
//! from it).
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use drydock_report::{RuleInfo, Severity};

/// What a rule inspects.
#[derive(Clone, Copy)]
pub enum RuleCheck {
    Dockerfile(fn(&Context<'_>, &mut Reporter)),
}

/// A lint rule's metadata and check.
pub struct Rule {
    /// Stable id, e.g. `DF012`.
    pub id: &'static str,
    /// kebab-case name of the bad pattern, e.g. `apt-get-unpinned`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what is wrong.
    pub title: &'static str,
    /// One line: how to fix it.
    pub remediation: &'static str,
    /// The same check in other tools: hadolint `DLxxxx`, Trivy `DS-00xx`, checkov `CKV_*`.
    pub peer_ids: &'static [&'static str],
    pub references: &'static [&'static str],
    /// Off unless enabled in `.drydock.yaml` (`rules.enable`).
    pub opt_in: bool,
    pub kind: FileKind,
    /// The doc comment: what it does, why, how to fix (Markdown).
    pub doc: &'static str,
    pub check: RuleCheck,
}

impl Rule {
    /// Does `key` name this rule (id, name or a peer id), case-insensitively?
    pub fn matches(&self, key: &str) -> bool {
        let key = normalize_id(key);
        normalize_id(self.id) == key
            || normalize_id(self.name) == key
            || self.peer_ids.iter().any(|p| normalize_id(p) == key)
    }

    /// The documentation as Markdown (doc comments keep a leading space on every line).
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id.to_string(),
            name: self.name.to_string(),
            severity: self.severity,
            title: self.title.to_string(),
            doc: self.documentation(),
            remediation: self.remediation.to_string(),
            peer_ids: self.peer_ids.iter().map(|s| s.to_string()).collect(),
            references: self.references.iter().map(|s| s.to_string()).collect(),
            opt_in: self.opt_in,
            file_kind: self.kind.as_str().to_string(),
        }
    }
}

/// Declare a rule: its doc comment becomes [`Rule::doc`].
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     Rule { id: "DF001", name: "...", ..., check: RuleCheck::Dockerfile(check) }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* Rule { $($field:ident : $value:expr),* $(,)? }) => {
        pub(crate) static RULE: $crate::rule::Rule = $crate::rule::Rule {
            doc: concat!($($doc, "\n"),*),
            $($field: $value),*
        };
    };
}

/// Compare ids loosely, as users write them: case, `AVD-` prefixes, dashes, underscores and
/// leading zeros do not matter (`DS002`, `DS-0002` and `AVD-DS-0002` are one id).
fn normalize_id(s: &str) -> String {
    let s = s.trim().to_ascii_uppercase();
    let s = s.strip_prefix("AVD-").unwrap_or(&s);
    let mut out = String::with_capacity(s.len());
    let mut in_digits = false;
    for c in s.chars().filter(|c| *c != '-' && *c != '_') {
        if c == '0' && !in_digits {
            continue;
        }
        in_digits = c.is_ascii_digit();
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize_id;
    #[test]
    fn ids_compare_loosely() {
        assert_eq!(normalize_id("DS002"), normalize_id("AVD-DS-0002"));
        assert_eq!(normalize_id("ckv_docker_2"), normalize_id("CKV_DOCKER_2"));
        assert_ne!(normalize_id("DL3008"), normalize_id("DL308"));
        assert_ne!(normalize_id("DF010"), normalize_id("DF001"));
    }
}

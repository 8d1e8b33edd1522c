//! drydock's configuration linter.
//!
//! [`detect`] decides what kind of file a path is; [`lint_source`] parses it and runs every
//! enabled rule of that kind; suppression comments, `.drydock.yaml` and ignore files are applied
//! in [`config`]. Rules live one per file under `src/rules/<kind>/`, each documented by its own
//! doc comment, and are registered by `build.rs`.

pub mod config;
pub mod detect;
pub mod dockerfile;
pub mod docs;
pub mod rule;

mod registry {
    include!(concat!(env!("OUT_DIR"), "/rules_registry.rs"));
}

pub use config::{Config, ConfigError, IgnoreFile};
pub use detect::{detect, FileKind};
pub use rule::{Rule, RuleCheck};

use drydock_report::{Finding, RuleInfo};

/// Every rule drydock knows, sorted by id.
pub fn all_rules() -> &'static [&'static Rule] {
    static SORTED: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<&'static Rule> = registry::ALL_RULES.to_vec();
        v.sort_by_key(|r| r.id);
        v
    })
}

/// Look a rule up by id, name or peer id (case-insensitive).
pub fn find_rule(key: &str) -> Option<&'static Rule> {
    all_rules().iter().copied().find(|r| r.matches(key))
}

/// The rules that run for `kind` under `config`, with configured severities applied.
pub fn rule_infos(config: &Config) -> Vec<RuleInfo> {
    all_rules()
        .iter()
        .filter(|r| config.is_enabled(r))
        .map(|r| {
            let mut info = r.info();
            info.severity = config.severity_for(r);
            info
        })
        .collect()
}

/// Lint one file's text. `path` is used in locations as given.
pub fn lint_source(
    kind: FileKind,
    path: &str,
    target: &str,
    source: &str,
    config: &Config,
) -> Vec<Finding> {
    match kind {
        FileKind::Dockerfile => dockerfile::lint(path, target, source, config),
    }
}

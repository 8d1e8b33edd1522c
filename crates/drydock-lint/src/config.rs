//! `.drydock.yaml`, `--ignore-file`, and the inline suppression comments.
//!
//! ```yaml
//! rules:
//!   disable: [DF021, DL3059]        # ids, names or peer ids
//!   enable: [DF050]                 # turn on opt-in rules
//!   severity: {DF012: LOW}          # override a rule's severity
//! dockerfile:
//!   trusted_registries: [docker.io, ghcr.io]
//! ```
use crate::rule::Rule;
use drydock_report::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid configuration in `{path}`: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("`{path}` line {line}: {message}")]
    IgnoreLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: RulesSection,
    #[serde(default)]
    dockerfile: DockerfileSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesSection {
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    enable: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DockerfileSection {
    #[serde(default)]
    trusted_registries: Vec<String>,
}

/// One line of an ignore file: a rule key, an optional expiry date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoreEntry {
    pub key: String,
    /// `(year, month, day)`; the entry stops applying after this day.
    pub expires: Option<(i32, u32, u32)>,
}

/// An ignore file (`.drydockignore`, the same shape as `.trivyignore`):
/// `ID [exp:YYYY-MM-DD]  # reason`, one per line.
#[derive(Debug, Clone, Default)]
pub struct IgnoreFile {
    pub entries: Vec<IgnoreEntry>,
}

impl IgnoreFile {
    pub fn parse(path: &Path, text: &str) -> Result<IgnoreFile, ConfigError> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let key = parts.next().unwrap_or_default().to_string();
            let mut expires = None;
            for p in parts {
                if let Some(d) = p.strip_prefix("exp:") {
                    expires = Some(parse_date(d).ok_or_else(|| ConfigError::IgnoreLine {
                        path: path.to_path_buf(),
                        line: n + 1,
                        message: format!("invalid expiry date `{d}` (expected YYYY-MM-DD)"),
                    })?);
                } else {
                    return Err(ConfigError::IgnoreLine {
                        path: path.to_path_buf(),
                        line: n + 1,
                        message: format!("unexpected `{p}` (expected `ID [exp:YYYY-MM-DD]`)"),
                    });
                }
            }
            entries.push(IgnoreEntry { key, expires });
        }
        Ok(IgnoreFile { entries })
    }

    pub fn load(path: &Path) -> Result<IgnoreFile, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        IgnoreFile::parse(path, &text)
    }
}

fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((y, m, d))
}

/// Today's civil date (UTC), from the system clock.
pub fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    civil_from_days(secs.div_euclid(86_400))
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (y, m, d).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Effective configuration for a run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub disabled: Vec<String>,
    pub enabled: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub trusted_registries: Vec<String>,
    pub ignores: Vec<IgnoreEntry>,
    /// The date ignore-file expiries are compared with.
    pub today: (i32, u32, u32),
}

impl Config {
    pub fn new() -> Config {
        Config {
            today: today(),
            ..Config::default()
        }
    }

    /// Read a `.drydock.yaml`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::from_yaml(path, &text)
    }

    pub fn from_yaml(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            serde_saphyr::from_str(text).map_err(|e| invalid(e.to_string()))?
        };
        let mut cfg = Config::new();
        cfg.disabled = file.rules.disable;
        cfg.enabled = file.rules.enable;
        for (k, v) in file.rules.severity {
            let s: Severity = v.parse().map_err(|e: drydock_report::SeverityParseError| {
                invalid(format!("rules.severity.{k}: {e}"))
            })?;
            cfg.severity.push((k, s));
        }
        cfg.trusted_registries = file.dockerfile.trusted_registries;
        for key in cfg
            .disabled
            .iter()
            .chain(&cfg.enabled)
            .chain(cfg.severity.iter().map(|(k, _)| k))
        {
            if crate::find_rule(key).is_none() {
                return Err(invalid(format!(
                    "unknown rule `{key}` (see `drydock rules`)"
                )));
            }
        }
        Ok(cfg)
    }

    pub fn is_enabled(&self, rule: &Rule) -> bool {
        if self.disabled.iter().any(|k| rule.matches(k)) {
            return false;
        }
        !rule.opt_in
            || self
                .enabled
                .iter()
                .any(|k| rule.matches(k) || k.eq_ignore_ascii_case("all"))
    }

    pub fn severity_for(&self, rule: &Rule) -> Severity {
        self.severity
            .iter()
            .rev()
            .find(|(k, _)| rule.matches(k))
            .map(|(_, s)| *s)
            .unwrap_or(rule.severity)
    }

    /// Is the rule ignored by an (unexpired) ignore-file entry?
    pub fn is_ignored(&self, rule: &Rule) -> bool {
        self.ignores
            .iter()
            .any(|e| rule.matches(&e.key) && e.expires.is_none_or(|exp| exp >= self.today))
    }
}

/// Rule keys named by a suppression comment (the text after `#`), if it is one:
/// `drydock:ignore=ID[,ID]`, `hadolint ignore=DL3008,DL3009`, `checkov:skip=CKV_DOCKER_2:why`,
/// `trivy:ignore:DS-0002`. Returns `(global, keys)`; `hadolint global ignore=` is global.
pub fn suppression(comment: &str) -> Option<(bool, Vec<String>)> {
    let c = comment.trim();
    let split = |s: &str| -> Vec<String> {
        s.split(|ch: char| ch == ',' || ch.is_whitespace())
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = c.strip_prefix("drydock:ignore-file=") {
        return Some((true, split(rest)));
    }
    if let Some(rest) = c
        .strip_prefix("drydock:ignore=")
        .or_else(|| c.strip_prefix("drydock ignore="))
    {
        return Some((false, split(rest)));
    }
    if let Some(rest) = c.strip_prefix("hadolint") {
        let rest = rest.trim_start();
        if let Some(ids) = rest.strip_prefix("global") {
            let ids = ids.trim_start().strip_prefix("ignore=")?;
            return Some((true, split(ids)));
        }
        return Some((false, split(rest.strip_prefix("ignore=")?)));
    }
    if let Some(rest) = c.strip_prefix("checkov:skip=") {
        let id = rest.split(':').next().unwrap_or("");
        return Some((false, vec![id.trim().to_string()]));
    }
    if let Some(rest) = c.strip_prefix("trivy:ignore:") {
        let id = rest.split_whitespace().next().unwrap_or("");
        return Some((false, vec![id.trim_start_matches("AVD-").to_string()]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn pragmas() {
        assert_eq!(
            suppression(" hadolint ignore=DL3008,DL3009"),
            Some((false, vec!["DL3008".into(), "DL3009".into()]))
        );
        assert_eq!(
            suppression("hadolint global ignore=DL3059"),
            Some((true, vec!["DL3059".into()]))
        );
        assert_eq!(
            suppression(" drydock:ignore=DF001, DF002"),
            Some((false, vec!["DF001".into(), "DF002".into()]))
        );
        assert_eq!(
            suppression("checkov:skip=CKV_DOCKER_2:no need"),
            Some((false, vec!["CKV_DOCKER_2".into()]))
        );
        assert_eq!(
            suppression("trivy:ignore:AVD-DS-0002"),
            Some((false, vec!["DS-0002".into()]))
        );
        assert_eq!(suppression(" just a comment"), None);
    }
    #[test]
    fn ignore_file() {
        let f =
            IgnoreFile::parse(Path::new("x"), "DF001\n# c\nDL3008 exp:2020-01-02 # old\n").unwrap();
        assert_eq!(f.entries[1].expires, Some((2020, 1, 2)));
        assert!(IgnoreFile::parse(Path::new("x"), "DF001 exp:2020-13-01").is_err());
        assert!(IgnoreFile::parse(Path::new("x"), "DF001 junk").is_err());
    }
    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}

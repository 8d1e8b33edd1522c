use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags a `WORKDIR` whose path is relative (does not start with `/`, a variable such as
    /// `$HOME`, or a Windows drive such as `C:\`).
    ///
    /// ## Why is this bad?
    /// A relative `WORKDIR` is resolved against the previous `WORKDIR`, which may come from the
    /// base image and change without notice. The files then land somewhere unexpected.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// WORKDIR app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20
    /// WORKDIR /app
    /// ```
    ///
    /// As in hadolint, a path starting with a variable (`$HOME/app`, `${APP_DIR}`) counts as
    /// absolute, surrounding quotes are ignored, and `ONBUILD WORKDIR` is not checked.
    /// Peers: hadolint DL3000, Trivy DS-0009, checkov CKV_DOCKER_10.
    Rule {
        id: "DF050",
        name: "relative-workdir",
        severity: Severity::High,
        title: "WORKDIR path is relative",
        remediation: "Use an absolute path in `WORKDIR` (`WORKDIR /app`).",
        peer_ids: &["DL3000", "DS-0009", "CKV_DOCKER_10"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3000",
            "https://avd.aquasec.com/misconfig/ds009",
            "https://docs.docker.com/reference/dockerfile/#workdir",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

/// Is `path` absolute as hadolint sees it (`/…`, `$…`, `C:…`), quotes around it ignored?
pub(crate) fn is_absolute_workdir(path: &str) -> bool {
    let p = path.trim().trim_matches(|c| c == '"' || c == '\'');
    let mut chars = p.chars();
    let first = chars.next();
    let second = chars.next();
    match first {
        Some('/') | Some('$') => true,
        Some(c) if c.is_alphabetic() => second == Some(':'),
        _ => false,
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in ctx.of(Keyword::Workdir) {
        let path = ins.text();
        let path = path.trim();
        if path.is_empty() || is_absolute_workdir(path) {
            continue;
        }
        let bare = path.trim_matches(|c| c == '"' || c == '\'');
        out.report(
            ins,
            format!("`WORKDIR {path}` is relative; use an absolute path such as `/{bare}`"),
        );
    }
}

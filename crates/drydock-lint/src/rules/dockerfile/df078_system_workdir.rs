use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags a `WORKDIR` set to the root or a system directory: `/`, `/bin`, `/boot`, `/dev`,
    /// `/etc`, `/lib`, `/lib64`, `/proc`, `/sbin`, `/sys`, `/usr`, `/usr/bin`, `/usr/lib`,
    /// `/usr/sbin`.
    ///
    /// ## Why is this bad?
    /// The following `COPY . .` and `RUN` steps then write into directories the operating
    /// system owns, overwriting or mixing with system files.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// WORKDIR /
    /// COPY . .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// WORKDIR /app
    /// COPY . .
    /// ```
    ///
    /// Trailing slashes are ignored (`/usr/` is `/usr`); subdirectories such as `/usr/src/app`
    /// or `/usr/local` are fine. hadolint has no equivalent. Peer: Trivy DS-0030.
    Rule {
        id: "DF078",
        name: "system-workdir",
        severity: Severity::Medium,
        title: "WORKDIR is a system directory",
        remediation: "Use a dedicated directory such as `/app` as `WORKDIR`.",
        peer_ids: &["DS-0030"],
        references: &["https://avd.aquasec.com/misconfig/ds030"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

const SYSTEM_DIRS: &[&str] = &[
    "/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/sbin", "/sys",
    "/usr", "/usr/bin", "/usr/lib", "/usr/sbin",
];

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in ctx.of(Keyword::Workdir) {
        let text = ins.text();
        let raw = text.trim().trim_matches(|c| c == '"' || c == '\'');
        let mut path = raw.trim_end_matches('/');
        if path.is_empty() && raw.starts_with('/') {
            path = "/";
        }
        if SYSTEM_DIRS.contains(&path) {
            out.report(
                ins,
                format!("`WORKDIR {raw}` is a system directory; use a dedicated one such as `/app`"),
            );
        }
    }
}

use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::{Instruction, Keyword};
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags an `EXPOSE` with a port number above 65535, alone or as either end of a range
    /// (`EXPOSE 70000`, `EXPOSE 8000-70000/tcp`).
    ///
    /// ## Why is this bad?
    /// TCP and UDP ports are 16-bit: such a port cannot exist, and `docker build` rejects it
    /// or the image metadata is wrong.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80 443 80800
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80 443 8080
    /// ```
    ///
    /// `/tcp`, `/udp` and `/sctp` suffixes are allowed; ports written with a variable
    /// (`EXPOSE $PORT`) are skipped, as in hadolint. Peers: hadolint DL3011, Trivy DS-0008.
    Rule {
        id: "DF053",
        name: "expose-invalid-port",
        severity: Severity::High,
        title: "EXPOSE port outside 0-65535",
        remediation: "Use a port between 0 and 65535.",
        peer_ids: &["DL3011", "DS-0008"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3011",
            "https://avd.aquasec.com/misconfig/ds008",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

/// One `EXPOSE` word, parsed: a port or a range, without its protocol. `None` for variables
/// and words that are not numbers.
pub(crate) fn port_range(word: &str) -> Option<(u64, u64)> {
    if word.contains('$') {
        return None;
    }
    let base = word.split('/').next().unwrap_or(word);
    let num = |s: &str| -> Option<u64> {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Saturate absurdly long numbers rather than failing.
        Some(s.parse::<u64>().unwrap_or(u64::MAX))
    };
    match base.split_once('-') {
        Some((a, b)) => Some((num(a)?, num(b)?)),
        None => num(base).map(|p| (p, p)),
    }
}

/// The `EXPOSE` words of an instruction.
pub(crate) fn expose_words(ins: &Instruction, escape: char) -> Vec<String> {
    ins.words(escape).into_iter().map(|w| w.value).collect()
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in ctx.of(Keyword::Expose) {
        let bad: Vec<String> = expose_words(ins, ctx.escape)
            .into_iter()
            .filter(|w| port_range(w).is_some_and(|(a, b)| a > 65535 || b > 65535))
            .collect();
        if !bad.is_empty() {
            let list = bad
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ");
            out.report(ins, format!("port {list} is outside the valid range 0-65535"));
        }
    }
}

use super::df057_multiple_cmd::repeated_in_stage;
use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags every `ENTRYPOINT` after the first one of the same build stage.
    ///
    /// ## Why is this bad?
    /// Only the last `ENTRYPOINT` takes effect; the earlier ones are dead code that misleads
    /// readers about what the container runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENTRYPOINT ["/bin/sh"]
    /// ENTRYPOINT ["/usr/local/bin/app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENTRYPOINT ["/usr/local/bin/app"]
    /// ```
    ///
    /// As hadolint does, each repeated `ENTRYPOINT` is reported at its own line, and the count
    /// restarts at every `FROM`. Peers: hadolint DL4004, Trivy DS-0007.
    Rule {
        id: "DF058",
        name: "multiple-entrypoint",
        severity: Severity::High,
        title: "Multiple ENTRYPOINT instructions in one stage",
        remediation: "Keep only one `ENTRYPOINT` per stage.",
        peer_ids: &["DL4004", "DS-0007"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL4004",
            "https://avd.aquasec.com/misconfig/ds007",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, first) in repeated_in_stage(ctx, Keyword::Entrypoint) {
        out.report(
            ins,
            format!("this stage already has an `ENTRYPOINT` on line {first}; only the last one takes effect"),
        );
    }
}

use super::df057_multiple_cmd::repeated_in_stage;
use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags every `HEALTHCHECK` after the first one of the same build stage.
    ///
    /// ## Why is this bad?
    /// Only the last `HEALTHCHECK` takes effect; the earlier ones are dead code and suggest a
    /// check that is not actually run.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    /// HEALTHCHECK CMD wget -qO- http://localhost/healthz || exit 1
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD wget -qO- http://localhost/healthz || exit 1
    /// ```
    ///
    /// As hadolint does, each repeated `HEALTHCHECK` (`HEALTHCHECK NONE` included) is reported
    /// at its own line, and the count restarts at every `FROM`. Peers: hadolint DL3012,
    /// Trivy DS-0023.
    Rule {
        id: "DF055",
        name: "multiple-healthchecks",
        severity: Severity::High,
        title: "Multiple HEALTHCHECK instructions in one stage",
        remediation: "Keep only one `HEALTHCHECK` per stage.",
        peer_ids: &["DL3012", "DS-0023"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3012",
            "https://avd.aquasec.com/misconfig/ds023",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, first) in repeated_in_stage(ctx, Keyword::Healthcheck) {
        out.report(
            ins,
            format!("this stage already has a `HEALTHCHECK` on line {first}; only the last one takes effect"),
        );
    }
}

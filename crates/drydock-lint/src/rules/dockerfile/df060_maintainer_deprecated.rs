use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags the deprecated `MAINTAINER` instruction.
    ///
    /// ## Why is this bad?
    /// `MAINTAINER` is deprecated since Docker 1.13; the author belongs in a label, where
    /// tools (and the OCI image spec) look for it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// MAINTAINER Jane Doe <jane@example.com>
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="jane@example.com"
    /// ```
    ///
    /// Peers: hadolint DL4000, Trivy DS-0022, checkov CKV_DOCKER_6.
    Rule {
        id: "DF060",
        name: "maintainer-deprecated",
        severity: Severity::High,
        title: "MAINTAINER is deprecated",
        remediation: "Replace `MAINTAINER` with `LABEL org.opencontainers.image.authors=\"…\"`.",
        peer_ids: &["DL4000", "DS-0022", "CKV_DOCKER_6"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL4000",
            "https://avd.aquasec.com/misconfig/ds022",
            "https://docs.docker.com/reference/dockerfile/#maintainer-deprecated",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in ctx.of(Keyword::Maintainer) {
        let who = ins.text();
        let who = who.trim().replace('"', "\\\"");
        out.report(
            ins,
            format!("`MAINTAINER` is deprecated; use `LABEL org.opencontainers.image.authors=\"{who}\"`"),
        );
    }
}

use super::df053_expose_invalid_port::{expose_words, port_range};
use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags an `EXPOSE` of port 22 (SSH): `EXPOSE 22`, `EXPOSE 22/tcp`, or a range that
    /// covers it (`EXPOSE 20-30`).
    ///
    /// ## Why is this bad?
    /// An SSH daemon in a container is an extra, long-lived way in, with its own keys and
    /// passwords to leak. Use `docker exec` / `kubectl exec` to get a shell instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
    /// EXPOSE 22
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ubuntu:24.04
    /// EXPOSE 8080
    /// ```
    ///
    /// Ranges covering 22 are reported too (Trivy only matches the exact port). hadolint has
    /// no equivalent. Peers: Trivy DS-0004, checkov CKV_DOCKER_1.
    Rule {
        id: "DF054",
        name: "expose-ssh-port",
        severity: Severity::Medium,
        title: "Port 22 (SSH) is exposed",
        remediation: "Do not run SSH in the container; remove port 22 from `EXPOSE`.",
        peer_ids: &["DS-0004", "CKV_DOCKER_1"],
        references: &[
            "https://avd.aquasec.com/misconfig/ds004",
            "https://docs.docker.com/reference/dockerfile/#expose",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in ctx.of(Keyword::Expose) {
        let hit = expose_words(ins, ctx.escape)
            .into_iter()
            .find(|w| port_range(w).is_some_and(|(a, b)| a <= 22 && 22 <= b));
        if let Some(w) = hit {
            out.report(ins, format!("`EXPOSE {w}` exposes the SSH port 22"));
        }
    }
}

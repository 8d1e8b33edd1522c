use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags a final stage that never sets `USER`, so the image runs as whatever its base
    /// image's user is: root for nearly every distribution image.
    ///
    /// ## Why is this bad?
    /// Running as root inside the container is the first thing an attacker hopes for. The
    /// seeds' first rule: "Never run containers as root in production".
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app /app
    /// CMD ["python", "/app/main.py"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN useradd --uid 10001 --no-create-home app
    /// COPY app /app
    /// USER app
    /// CMD ["python", "/app/main.py"]
    /// ```
    ///
    /// Not reported for `FROM scratch` stages (no user database) or when the final stage is
    /// built `FROM` an earlier stage that sets a non-root `USER`. Distroless `:nonroot` bases
    /// are trusted. Peers: Trivy DS-0002, checkov CKV_DOCKER_3 (hadolint has no equivalent).
    Rule {
        id: "DF002",
        name: "missing-user",
        severity: Severity::Medium,
        title: "Final stage never sets a non-root USER",
        remediation: "Add `USER <non-root user or UID>` to the final stage.",
        peer_ids: &["DS-0002", "CKV_DOCKER_3"],
        references: &["https://docs.docker.com/build/building/best-practices/#user"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    // Follow `FROM <earlier stage>` chains: a USER set there is inherited.
    let mut stage = ctx.df.stages.last();
    let mut hops = 0;
    while let Some(s) = stage {
        if ctx.df.stage_instructions(s.index).any(|i| i.keyword == Keyword::User) {
            return;
        }
        let image = s.image_expanded.to_ascii_lowercase();
        if image == "scratch" || image.contains(":nonroot") || image.contains("-nonroot") {
            return;
        }
        hops += 1;
        stage = ctx.df.stages[..s.index].iter().rev().find(|p| p.name.as_deref() == Some(image.as_str()));
        if hops > ctx.df.stages.len() {
            return;
        }
    }
    if let Some(last) = ctx.df.stages.last() {
        out.report_span(last.span, format!("the final stage (`FROM {}`) sets no USER and runs as root", last.image));
    }
}

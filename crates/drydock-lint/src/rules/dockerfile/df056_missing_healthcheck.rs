use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags a build stage that has no `HEALTHCHECK` instruction and is not built `FROM` an
    /// earlier stage that has one. `HEALTHCHECK NONE` counts as an explicit choice.
    ///
    /// ## Why is this bad?
    /// Without a health check the orchestrator only knows whether the process is alive, not
    /// whether it serves; a hung service keeps receiving traffic.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site /usr/share/nginx/html
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site /usr/share/nginx/html
    /// HEALTHCHECK --interval=30s CMD curl -fsS http://localhost/ || exit 1
    /// ```
    ///
    /// Opt-in (many images rely on the orchestrator's probes instead). As hadolint does, every
    /// stage is checked, not only the final one, and the finding is on the stage's `FROM`
    /// line. Peers: hadolint DL3057 (ignored by default there too), Trivy DS-0026, checkov
    /// CKV_DOCKER_2.
    Rule {
        id: "DF056",
        name: "missing-healthcheck",
        severity: Severity::Low,
        title: "No HEALTHCHECK instruction",
        remediation: "Add a `HEALTHCHECK` (or `HEALTHCHECK NONE` to opt out explicitly).",
        peer_ids: &["DL3057", "DS-0026", "CKV_DOCKER_2"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3057",
            "https://avd.aquasec.com/misconfig/ds026",
            "https://docs.docker.com/reference/dockerfile/#healthcheck",
        ],
        opt_in: true,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    // Names (alias, or image when there is no alias) of the stages that have a HEALTHCHECK.
    let mut good: Vec<String> = Vec::new();
    for stage in &ctx.df.stages {
        let has = ctx
            .df
            .stage_instructions(stage.index)
            .any(|i| i.keyword == Keyword::Healthcheck);
        let image = stage.image.to_ascii_lowercase();
        let inherits = good.contains(&image);
        let name = stage.name.clone().unwrap_or_else(|| image.clone());
        if has || inherits {
            good.push(name);
            continue;
        }
        out.report_span(
            stage.span,
            format!("the stage `FROM {}` has no `HEALTHCHECK`", stage.image),
        );
    }
}

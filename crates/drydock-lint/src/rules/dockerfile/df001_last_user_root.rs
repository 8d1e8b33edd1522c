use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags the last `USER` instruction of a build stage when it switches to `root` (by
    /// name or UID 0, with or without a group).
    ///
    /// ## Why is this bad?
    /// The container's main process then runs as root. A process escape, a writable host mount
    /// or a kernel bug gives the attacker root on the host's side of the namespace.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// USER 10001:10001
    /// ```
    ///
    /// Every stage is checked, as hadolint does: a stage that ends as root is often the base of
    /// a later stage (`FROM build`), which then inherits the root user. A final stage with no
    /// `USER` at all is rule DF002. Peers: hadolint DL3002, checkov CKV_DOCKER_8.
    Rule {
        id: "DF001",
        name: "last-user-root",
        severity: Severity::High,
        title: "Last USER is root",
        remediation: "Switch to an unprivileged user (`USER 10001`) after the steps that need root.",
        peer_ids: &["DL3002", "CKV_DOCKER_8"],
        references: &["https://docs.docker.com/build/building/best-practices/#user"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    let last_stage = ctx.df.stages.len().checked_sub(1);
    for stage in &ctx.df.stages {
        let last_user = ctx.df.stage_instructions(stage.index).filter(|i| i.keyword == Keyword::User).last();
        let Some(ins) = last_user else { continue };
        let user = ins.text();
        let name = user.trim().split(':').next().unwrap_or("");
        if name == "root" || name == "0" {
            let which = if Some(stage.index) == last_stage {
                "the final stage".to_string()
            } else {
                match &stage.name {
                    Some(n) => format!("stage `{n}`"),
                    None => format!("stage {}", stage.index),
                }
            };
            out.report(ins, format!("{which} ends running as `{}`", user.trim()));
        }
    }
}

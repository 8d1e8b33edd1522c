use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Reports lines that `docker build` would refuse to parse: unknown instructions, an
    /// instruction without its arguments, a `SHELL` not in JSON form, an invalid `# escape=`
    /// directive, a heredoc that is never terminated, a malformed `FROM`.
    ///
    /// ## Why is this bad?
    /// The build fails at that line, and the other rules can only guess what was meant.
    ///
    /// ## How to fix
    /// Correct the line as the message says. drydock keeps linting the rest of the file.
    ///
    /// Peer: hadolint DL1000 (parse error).
    Rule {
        id: "DF000",
        name: "dockerfile-syntax-error",
        severity: Severity::High,
        title: "Dockerfile does not parse",
        remediation: "Fix the syntax error so `docker build` can parse the file.",
        peer_ids: &["DL1000"],
        references: &["https://docs.docker.com/reference/dockerfile/"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for e in &ctx.df.errors {
        out.report_line(e.line, e.message.clone());
    }
}

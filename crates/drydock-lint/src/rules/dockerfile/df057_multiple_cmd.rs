use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::{Instruction, Keyword};
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags every `CMD` after the first one of the same build stage.
    ///
    /// ## Why is this bad?
    /// Only the last `CMD` takes effect; the earlier ones are dead code that misleads readers
    /// about what the container runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["python", "manage.py", "migrate"]
    /// CMD ["gunicorn", "app:app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["gunicorn", "app:app"]
    /// ```
    ///
    /// As hadolint does, each repeated `CMD` (the second, third …) is reported at its own
    /// line, and the count restarts at every `FROM`. Peers: hadolint DL4003, Trivy DS-0016.
    Rule {
        id: "DF057",
        name: "multiple-cmd",
        severity: Severity::Medium,
        title: "Multiple CMD instructions in one stage",
        remediation: "Keep only one `CMD` per stage (the last one is the one that counts).",
        peer_ids: &["DL4003", "DS-0016"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL4003",
            "https://avd.aquasec.com/misconfig/ds016",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

/// Every instruction of keyword `kw` that follows another one of the same stage, each with
/// the line of the first one. Instructions before the first FROM form their own group.
pub(crate) fn repeated_in_stage<'a>(
    ctx: &Context<'a>,
    kw: Keyword,
) -> Vec<(&'a Instruction, u32)> {
    let mut first: Option<(Option<usize>, u32)> = None;
    let mut out = Vec::new();
    for ins in ctx.df.instructions.iter() {
        if ins.keyword == Keyword::From {
            first = None;
            continue;
        }
        if ins.keyword != kw {
            continue;
        }
        match first {
            Some((stage, line)) if stage == ins.stage => out.push((ins, line)),
            _ => first = Some((ins.stage, ins.span.start_line)),
        }
    }
    out
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, first) in repeated_in_stage(ctx, Keyword::Cmd) {
        out.report(
            ins,
            format!("this stage already has a `CMD` on line {first}; only the last one takes effect"),
        );
    }
}

use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::shell::Script;
use drydock_dockerfile::{Instruction, Keyword};
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that directly follows another `RUN` (comments between them do not
    /// count) when both are short and could simply be merged.
    ///
    /// ## Why is this bad?
    /// Each `RUN` is a layer: more layers, a bigger image, and files deleted in a later layer
    /// still ship in the earlier one.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update
    /// RUN apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update \
    ///  && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// Mirrors hadolint exactly: the later `RUN` is reported, unless the two have different
    /// flags (`--mount`, `--network`, `--security`), or either one already chains more than
    /// two commands (then the split was deliberate). A reported `RUN` does not become the new
    /// reference, so in a run of short `RUN`s every one after the first is reported. Any
    /// other instruction (also `ONBUILD RUN`) breaks the sequence. Peer: hadolint DL3059.
    Rule {
        id: "DF072",
        name: "consecutive-run",
        severity: Severity::Info,
        title: "Consecutive RUN instructions",
        remediation: "Merge consecutive `RUN`s with `&&` (or a heredoc) into one layer.",
        peer_ids: &["DL3059"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3059",
            "https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

/// The flags of a RUN (name, value), order-independent.
type FlagKey = Vec<(String, Option<String>)>;

fn flag_key(ins: &Instruction) -> FlagKey {
    let mut v: Vec<(String, Option<String>)> = ins
        .flags
        .iter()
        .map(|f| (f.name.to_ascii_lowercase(), f.value.clone()))
        .collect();
    v.sort();
    v.dedup();
    v
}

fn count_commands(script: Option<&Script>) -> usize {
    script
        .map(|s| {
            s.commands
                .iter()
                .filter(|c| !c.in_substitution && !c.args.is_empty())
                .count()
        })
        .unwrap_or(1)
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    let runs: Vec<(&Instruction, &Script)> = ctx.runs().collect();
    let script_of = |ins: &Instruction| {
        runs.iter()
            .find(|(i, _)| std::ptr::eq(*i, ins))
            .map(|(_, s)| *s)
    };
    // (flags, command count) of the RUN the next one is compared with.
    let mut prev: Option<(FlagKey, usize)> = None;
    let mut last_line = 0;
    for ins in &ctx.df.instructions {
        if ins.keyword != Keyword::Run {
            prev = None;
            continue;
        }
        let pline = last_line;
        last_line = ins.span.start_line;
        let flags = flag_key(ins);
        let count = count_commands(script_of(ins));
        match &prev {
            Some((pflags, pcount)) if *pflags == flags && count <= 2 && *pcount <= 2 => {
                out.report(
                    ins,
                    format!("this `RUN` directly follows the `RUN` on line {pline}; merge them into one layer"),
                );
            }
            _ => prev = Some((flags, count)),
        }
    }
}

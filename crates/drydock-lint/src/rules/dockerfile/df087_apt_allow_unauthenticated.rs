use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags apt told to accept unsigned packages or repositories: `--allow-unauthenticated`,
    /// `--allow-insecure-repositories`, `--force-yes`,
    /// `-o APT::Get::AllowUnauthenticated=true`, `-o Acquire::AllowInsecureRepositories=true`
    /// on `apt-get`/`apt`/`aptitude`, and a `[trusted=yes]` source written by `echo`/`printf`.
    ///
    /// ## Why is this bad?
    /// apt then installs packages whose signature is missing or wrong: a tampered mirror or a
    /// man-in-the-middle installs whatever it wants, as root.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --allow-unauthenticated curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// hadolint has no equivalent. Peers: checkov CKV2_DOCKER_8 (`--allow-unauthenticated`,
    /// `--force-yes`), CKV2_DOCKER_11 (`AllowUnauthenticated` options).
    Rule {
        id: "DF087",
        name: "apt-allow-unauthenticated",
        severity: Severity::High,
        title: "apt installs unauthenticated packages",
        remediation: "Remove the option; import the repository's signing key (`signed-by=`) instead.",
        peer_ids: &["CKV2_DOCKER_8", "CKV2_DOCKER_11"],
        references: &["https://manpages.debian.org/bookworm/apt/apt-get.8.en.html"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

const BAD_FLAGS: &[&str] = &[
    "--allow-unauthenticated",
    "--allow-insecure-repositories",
    "--force-yes",
];

fn bad_option(opt: &str) -> bool {
    let o = opt.to_ascii_lowercase();
    let Some((k, v)) = o.split_once('=') else {
        return false;
    };
    let on = matches!(v.trim_matches(|c| c == '"' || c == '\''), "true" | "1" | "yes");
    on && (k.ends_with("allowunauthenticated")
        || k.ends_with("allowinsecurerepositories")
        || k.ends_with("allowdowngradetoinsecurerepositories"))
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        let mut found: Option<String> = None;
        for c in script.find(&["apt-get", "apt", "aptitude"]) {
            let args: Vec<&str> = c.arg_values().collect();
            for (i, a) in args.iter().enumerate() {
                if let Some(f) = BAD_FLAGS.iter().find(|f| *a == **f) {
                    found = Some(format!("`{} {f}`", c.program()));
                } else if *a == "-o" && args.get(i + 1).is_some_and(|o| bad_option(o)) {
                    found = Some(format!("`{} -o {}`", c.program(), args[i + 1]));
                } else if let Some(o) = a.strip_prefix("-o").filter(|o| bad_option(o)) {
                    found = Some(format!("`{} -o {o}`", c.program()));
                }
                if found.is_some() {
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        if found.is_none() {
            let trusted = script
                .find(&["echo", "printf", "tee", "cat"])
                .any(|c| c.arg_values().any(|a| a.contains("trusted=yes")));
            if trusted {
                found = Some("an apt source with `[trusted=yes]`".to_string());
            }
        }
        if let Some(what) = found {
            out.report(
                ins,
                format!("{what} lets apt install packages without verifying their signature"),
            );
        }
    }
}

use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags `curl` run with TLS certificate verification turned off: `-k`, `--insecure`,
    /// also inside a short-option cluster such as `-fsSLk`, with `sudo`/`env` wrappers, in
    /// `&&`/`;` chains, pipes, `$(…)` and `ONBUILD RUN`.
    ///
    /// ## Why is this bad?
    /// Without verification anyone on the network path can serve a different file; what is
    /// downloaded at build time (often a binary or an install script) can be replaced.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN curl -fsSLk https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
    /// ```
    ///
    /// If a private CA is the reason, add it with `--cacert` or to the system trust store.
    /// hadolint has no equivalent. Peer: checkov CKV2_DOCKER_2.
    Rule {
        id: "DF082",
        name: "curl-insecure",
        severity: Severity::High,
        title: "curl with certificate verification disabled",
        remediation: "Remove `-k`/`--insecure`; trust a private CA with `--cacert` instead.",
        peer_ids: &["CKV2_DOCKER_2"],
        references: &["https://curl.se/docs/manpage.html#-k"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        let bad = script.find(&["curl"]).find_map(|c| {
            c.arg_values()
                .find(|a| *a == "--insecure" || short_cluster_has_k(a))
                .map(str::to_string)
        });
        if let Some(flag) = bad {
            out.report(
                ins,
                format!("`curl {flag}` disables TLS certificate verification"),
            );
        }
    }
}

/// Does a short-option cluster (`-fsSLk`) contain `-k`? Stops at an option that takes a value
/// (`-ukey:pass` is `-u` with a value, not `-k`).
fn short_cluster_has_k(arg: &str) -> bool {
    let Some(rest) = arg.strip_prefix('-') else {
        return false;
    };
    if rest.starts_with('-') {
        return false;
    }
    for ch in rest.chars() {
        if ch == 'k' {
            return true;
        }
        if "oOuHdXAebcFTwxyYzCKmrEDPQt".contains(ch) || !ch.is_ascii_alphanumeric() {
            return false;
        }
    }
    false
}

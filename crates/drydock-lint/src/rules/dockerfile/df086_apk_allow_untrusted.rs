use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags `apk` run with `--allow-untrusted` (wrappers, chains and `ONBUILD RUN` included).
    ///
    /// ## Why is this bad?
    /// `--allow-untrusted` installs packages whose signature is missing or does not verify:
    /// a tampered package installs silently.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache --allow-untrusted /tmp/tool.apk
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY keys/builder.rsa.pub /etc/apk/keys/
    /// RUN apk add --no-cache /tmp/tool.apk
    /// ```
    ///
    /// hadolint has no equivalent. Peer: checkov CKV2_DOCKER_7.
    Rule {
        id: "DF086",
        name: "apk-allow-untrusted",
        severity: Severity::High,
        title: "apk installs unsigned packages",
        remediation: "Remove `--allow-untrusted`; add the signing key to `/etc/apk/keys` instead.",
        peer_ids: &["CKV2_DOCKER_7"],
        references: &["https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        if let Some(c) = script
            .find(&["apk"])
            .find(|c| c.has_flag(&["--allow-untrusted"]))
        {
            let sub = c.positional().first().copied().unwrap_or("").to_string();
            out.report(
                ins,
                format!("`apk {sub} --allow-untrusted` installs packages without verifying their signature"),
            );
        }
    }
}

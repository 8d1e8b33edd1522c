use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags `wget --no-check-certificate` in a `RUN` (wrappers, chains, pipes and
    /// `ONBUILD RUN` included).
    ///
    /// ## Why is this bad?
    /// Without certificate checks anyone on the network path can replace what is downloaded,
    /// often a binary or an install script that then runs in the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN wget --no-check-certificate -qO /usr/local/bin/tool https://example.com/tool
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache ca-certificates \
    ///  && wget -qO /usr/local/bin/tool https://example.com/tool
    /// ```
    ///
    /// hadolint has no equivalent. Peer: checkov CKV2_DOCKER_3.
    Rule {
        id: "DF083",
        name: "wget-no-check-certificate",
        severity: Severity::High,
        title: "wget with certificate verification disabled",
        remediation: "Remove `--no-check-certificate`; install `ca-certificates` or use `--ca-certificate`.",
        peer_ids: &["CKV2_DOCKER_3"],
        references: &["https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        if script
            .find(&["wget"])
            .any(|c| c.has_flag(&["--no-check-certificate"]))
        {
            out.report(
                ins,
                "`wget --no-check-certificate` disables TLS certificate verification",
            );
        }
    }
}

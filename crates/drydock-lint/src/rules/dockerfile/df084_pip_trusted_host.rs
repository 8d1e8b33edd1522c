use super::df080_secret_in_arg_or_env::variable_settings;
use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags pip told to trust a host without TLS verification: `pip install --trusted-host`
    /// (also `pip3`, `python -m pip`, `pip config set global.trusted-host`), and
    /// `PIP_TRUSTED_HOST` set by `ENV`, `ARG`, or a `RUN` assignment / `export`.
    ///
    /// ## Why is this bad?
    /// A trusted host is fetched over plain HTTP or with unverified HTTPS: anyone on the path
    /// can serve a tampered package, whose `setup.py` then runs in the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --trusted-host pypi.internal -i http://pypi.internal/simple app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY internal-ca.pem /usr/local/share/ca-certificates/internal-ca.crt
    /// RUN update-ca-certificates \
    ///  && pip install --cert /etc/ssl/certs/ca-certificates.crt -i https://pypi.internal/simple app
    /// ```
    ///
    /// hadolint has no equivalent. Peers: checkov CKV2_DOCKER_4 (`--trusted-host`),
    /// CKV2_DOCKER_16 (`PIP_TRUSTED_HOST`).
    Rule {
        id: "DF084",
        name: "pip-trusted-host",
        severity: Severity::High,
        title: "pip trusts a host without TLS verification",
        remediation: "Drop `--trusted-host`/`PIP_TRUSTED_HOST`; serve the index over HTTPS with a trusted CA.",
        peer_ids: &["CKV2_DOCKER_4", "CKV2_DOCKER_16"],
        references: &["https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn is_pip(c: &drydock_dockerfile::shell::Command) -> bool {
    let p = c.program();
    p.starts_with("pip")
        || (p.starts_with("python") && c.arg_values().any(|a| a == "pip" || a == "-mpip"))
        || p == "uv"
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    let mut hits: Vec<(&drydock_dockerfile::Instruction, String)> = Vec::new();
    for (ins, script) in ctx.runs() {
        for c in script.commands.iter().map(|c| c.unwrapped()) {
            if !is_pip(&c) {
                continue;
            }
            let args: Vec<&str> = c.arg_values().collect();
            let host = args.iter().enumerate().find_map(|(i, a)| {
                if let Some(v) = a.strip_prefix("--trusted-host=") {
                    return Some(v.to_string());
                }
                if *a == "--trusted-host" {
                    return Some(args.get(i + 1).copied().unwrap_or("").to_string());
                }
                if a.ends_with("trusted-host") && args.first() == Some(&"config") {
                    return Some(args.get(i + 1).copied().unwrap_or("").to_string());
                }
                a.strip_prefix("global.trusted-host=").map(str::to_string)
            });
            if let Some(h) = host {
                hits.push((ins, format!("pip trusts `{h}` without TLS verification (`--trusted-host`)")));
                break;
            }
        }
    }
    for (ins, key, value) in variable_settings(ctx) {
        if key.eq_ignore_ascii_case("PIP_TRUSTED_HOST") {
            let v = value.unwrap_or_default();
            if !v.is_empty() && !hits.iter().any(|(i, _)| std::ptr::eq(*i, ins)) {
                hits.push((ins, format!("`PIP_TRUSTED_HOST={v}` makes pip skip TLS verification for that host")));
            }
        }
    }
    hits.sort_by_key(|(i, _)| i.span.start_line);
    for (ins, msg) in hits {
        out.report(ins, msg);
    }
}

use super::df080_secret_in_arg_or_env::variable_settings;
use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags environment settings and git configuration that turn TLS verification off:
    /// `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `NPM_CONFIG_STRICT_SSL=false`,
    /// `GIT_SSL_NO_VERIFY=true` (or `1`), set by `ENV`, `ARG`, a `RUN` assignment or `export`;
    /// and `git config … http.sslVerify false` / `git -c http.sslVerify=false`.
    ///
    /// ## Why is this bad?
    /// Every HTTPS connection made by that tool then accepts any certificate; in `ENV` the
    /// setting even ships in the image and weakens the running application.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ENV NODE_TLS_REJECT_UNAUTHORIZED=0
    /// RUN git config --global http.sslVerify false
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY corp-ca.crt /usr/local/share/ca-certificates/
    /// RUN update-ca-certificates
    /// ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt
    /// ```
    ///
    /// hadolint has no equivalent. Peers: checkov CKV2_DOCKER_5 (PYTHONHTTPSVERIFY),
    /// CKV2_DOCKER_6 (NODE_TLS_REJECT_UNAUTHORIZED), CKV2_DOCKER_12 (NPM_CONFIG_STRICT_SSL),
    /// CKV2_DOCKER_14 (GIT_SSL_NO_VERIFY).
    Rule {
        id: "DF085",
        name: "tls-verification-disabled-env",
        severity: Severity::High,
        title: "TLS verification disabled by environment or git config",
        remediation: "Remove the setting; add the needed CA certificate to the trust store instead.",
        peer_ids: &["CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_12", "CKV2_DOCKER_14"],
        references: &[
            "https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue",
            "https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

/// Does `key=value` disable TLS verification?
fn disables(key: &str, value: &str) -> bool {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'').to_ascii_lowercase();
    match key.to_ascii_uppercase().as_str() {
        "PYTHONHTTPSVERIFY" | "NODE_TLS_REJECT_UNAUTHORIZED" => v == "0",
        "NPM_CONFIG_STRICT_SSL" | "YARN_STRICT_SSL" => v == "false" || v == "0",
        "GIT_SSL_NO_VERIFY" => matches!(v.as_str(), "true" | "1" | "yes" | "on"),
        _ => false,
    }
}

fn is_false(v: &str) -> bool {
    matches!(v.to_ascii_lowercase().as_str(), "false" | "0" | "no" | "off")
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    let mut hits: Vec<(&drydock_dockerfile::Instruction, String)> = Vec::new();
    for (ins, key, value) in variable_settings(ctx) {
        if let Some(v) = value {
            if disables(&key, &v) {
                hits.push((ins, format!("`{key}={v}` disables TLS certificate verification")));
            }
        }
    }
    for (ins, script) in ctx.runs() {
        for c in script.find(&["git"]) {
            let args: Vec<&str> = c.arg_values().collect();
            let found = args.iter().enumerate().any(|(i, a)| {
                let a_l = a.to_ascii_lowercase();
                if let Some(v) = a_l.strip_prefix("http.sslverify=") {
                    // `git -c http.sslVerify=false …`
                    return is_false(v);
                }
                if a_l == "http.sslverify" || (a_l.starts_with("http.") && a_l.ends_with(".sslverify")) {
                    return args.get(i + 1).is_some_and(|v| is_false(v));
                }
                false
            });
            if found {
                hits.push((ins, "git's `http.sslVerify` set to false disables TLS certificate verification for git".to_string()));
                break;
            }
        }
    }
    hits.sort_by_key(|(i, _)| i.span.start_line);
    hits.dedup_by(|a, b| std::ptr::eq(a.0, b.0));
    for (ins, msg) in hits {
        out.report(ins, msg);
    }
}

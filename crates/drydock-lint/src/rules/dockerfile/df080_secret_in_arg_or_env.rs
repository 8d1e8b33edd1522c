use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::{Instruction, Keyword};
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags `ARG` and `ENV` instructions whose variable name suggests a secret: a known
    /// credential variable (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NPM_TOKEN`,
    /// `POSTGRES_PASSWORD`, `DOCKER_PASSWORD`, …) or a name containing `api_key`,
    /// `client_key`, `password`, `private`, `secret`, `token` or `username`.
    ///
    /// ## Why is this bad?
    /// `ENV` values are stored in the image config and visible to anyone who can pull it
    /// (`docker inspect`). `ARG` values end up in `docker history` and in the build cache. A
    /// secret passed either way has leaked.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ARG NPM_TOKEN
    /// RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM node:20-slim
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ```
    ///
    /// Build secrets mounted with `RUN --mount=type=secret` are never written to a layer.
    /// Mirrors hadolint's name list and substring matching (case-insensitive), so an `ARG`
    /// without a default is reported too; `ONBUILD ARG`/`ENV` are checked. Values are never
    /// printed whole: at most their first 4 characters. Peers: hadolint DL3064, Trivy DS-0031.
    Rule {
        id: "DF080",
        name: "secret-in-arg-or-env",
        severity: Severity::High,
        title: "Possible secret in ARG or ENV",
        remediation: "Pass secrets with `RUN --mount=type=secret,id=…` instead of ARG/ENV.",
        peer_ids: &["DL3064", "DS-0031"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3064",
            "https://avd.aquasec.com/misconfig/ds031",
            "https://docs.docker.com/build/building/secrets/",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

const KNOWN_SENSITIVE: &[&str] = &[
    "ACCESS_TOKEN",
    "APPLICATION_KEY",
    "APP_SECRET",
    "AUTH_TOKEN",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "BITTREX_API_KEY",
    "BITTREX_API_SECRET",
    "CF_PASSWORD",
    "CF_USERNAME",
    "CIRCLE_TOKEN",
    "CI_DEPLOY_PASSWORD",
    "CI_DEPLOY_USER",
    "DOCKERHUB_PASSWORD",
    "DOCKER_EMAIL",
    "DOCKER_PASSWORD",
    "DOCKER_USERNAME",
    "FACEBOOK_ACCESS_TOKEN",
    "FACEBOOK_APP_ID",
    "FACEBOOK_APP_SECRET",
    "FIREBASE_API_TOKEN",
    "FIREBASE_TOKEN",
    "FOSSA_API_KEY",
    "GH_ENTERPRISE_TOKEN",
    "GH_TOKEN",
    "GITHUB_ENTERPRISE_TOKEN",
    "GITHUB_TOKEN",
    "HEROKU_API_KEY",
    "HEROKU_API_USER",
    "NPM_AUTH_TOKEN",
    "NPM_TOKEN",
    "OKTA_AUTHN_GROUPID",
    "OKTA_CLIENT_ORGURL",
    "OKTA_CLIENT_TOKEN",
    "OKTA_OAUTH2_CLIENTID",
    "OKTA_OAUTH2_CLIENTSECRET",
    "OPENAI_API_KEY",
    "OS_PASSWORD",
    "OS_USERNAME",
    "POSTGRES_PASSWORD",
    "SLACK_TOKEN",
    "STRIPE_API_KEY",
    "STRIPE_DEVICE_NAME",
    "TRAVIS_OS_NAME",
    "TRAVIS_SECURE_ENV_VARS",
    "TRAVIS_SUDO",
    "VAULT_CLIENT_KEY",
    "VAULT_TOKEN",
];

const SUSPICIOUS: &[&str] = &[
    "api_key",
    "client_key",
    "password",
    "private",
    "secret",
    "token",
    "username",
];

/// A secret-safe rendering of `value`: at most its first 4 characters, then `…`.
pub(crate) fn redact(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(4).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else if value.is_empty() {
        String::new()
    } else {
        // Short values are still not printed whole.
        let first: String = value.chars().take(1).collect();
        format!("{first}…")
    }
}

/// One variable setting: `(instruction, key, value)` from ENV, ARG (ONBUILD ones included),
/// a RUN command prefix `KEY=v cmd`, a lone `KEY=v`, `export KEY=v`, `env KEY=v cmd` or
/// `declare -x KEY=v`.
pub(crate) fn variable_settings<'a>(
    ctx: &Context<'a>,
) -> Vec<(&'a Instruction, String, Option<String>)> {
    let mut out = Vec::new();
    for ins in &ctx.df.instructions {
        let inner: &Instruction = ins.onbuild.as_deref().unwrap_or(ins);
        if matches!(inner.keyword, Keyword::Env | Keyword::Arg) {
            for kv in inner.key_values(ctx.escape) {
                out.push((ins, kv.key, kv.value));
            }
        }
    }
    for (ins, script) in ctx.runs() {
        for cmd in &script.commands {
            let split = |w: &str| {
                w.split_once('=')
                    .map(|(k, v)| (k.to_string(), Some(v.to_string())))
            };
            for a in &cmd.assignments {
                if let Some((k, v)) = split(&a.value) {
                    out.push((ins, k, v));
                }
            }
            if matches!(cmd.program(), "export" | "env" | "declare" | "typeset" | "setenv") {
                for a in cmd.arg_values() {
                    if a.starts_with('-') {
                        continue;
                    }
                    match split(a) {
                        Some((k, v)) => out.push((ins, k, v)),
                        None if cmd.program() == "env" => break,
                        None => {}
                    }
                }
            }
        }
    }
    out.sort_by_key(|(i, _, _)| i.span.start_line);
    out
}

/// Does hadolint's DL3064 consider `name` sensitive?
fn is_sensitive(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let lower = name.to_ascii_lowercase();
    KNOWN_SENSITIVE.contains(&upper.as_str()) || SUSPICIOUS.iter().any(|s| lower.contains(s))
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in &ctx.df.instructions {
        let inner: &Instruction = ins.onbuild.as_deref().unwrap_or(ins);
        let kw = match inner.keyword {
            Keyword::Arg => "ARG",
            Keyword::Env => "ENV",
            _ => continue,
        };
        let hits: Vec<String> = inner
            .key_values(ctx.escape)
            .into_iter()
            .filter(|kv| is_sensitive(&kv.key))
            .map(|kv| match kv.value.as_deref() {
                Some(v) if !v.is_empty() && !v.starts_with('$') => {
                    format!("`{}` (value `{}`)", kv.key, redact(v))
                }
                _ => format!("`{}`", kv.key),
            })
            .collect();
        if !hits.is_empty() {
            out.report(
                ins,
                format!(
                    "{kw} {} may hold a secret that stays in the image; use `RUN --mount=type=secret` instead",
                    hits.join(", ")
                ),
            );
        }
    }
}

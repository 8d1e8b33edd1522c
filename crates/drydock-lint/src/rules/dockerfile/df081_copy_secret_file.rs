use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;
use drydock_dockerfile::Keyword;

declare_rule! {
    /// ## What it does
    /// Flags `COPY` and `ADD` of files that usually hold credentials: `.env` files, SSH keys
    /// (`id_rsa`, `id_ed25519`, …, not `.pub`), `*.key`, private `*.pem`, `*.p12`/`*.pfx`/
    /// `*.jks` keystores, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.htpasswd`,
    /// `credentials` / `credentials.json`, `.aws/` and `.ssh/` directories,
    /// `.docker/config.json`, and kubeconfig files.
    ///
    /// ## Why is this bad?
    /// Every file copied is in a layer forever: deleting it later does not remove it from
    /// the image, and anyone who can pull the image can read it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY .npmrc /root/.npmrc
    /// RUN npm ci && rm /root/.npmrc
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM node:20-slim
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ```
    ///
    /// Templates (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`) and public
    /// certificates (`*.pub`, `ca.pem`, `cert.pem`, `fullchain.pem`, `*bundle*.pem`) are not
    /// reported. Wildcards like `COPY . .` are not expanded (use a `.dockerignore`).
    /// hadolint has no equivalent. Peer: Trivy DS-0031 (secrets in the Dockerfile).
    Rule {
        id: "DF081",
        name: "copy-secret-file",
        severity: Severity::High,
        title: "COPY/ADD of a credentials file",
        remediation: "Mount the file at build time with `RUN --mount=type=secret` instead of copying it.",
        peer_ids: &["DS-0031"],
        references: &[
            "https://docs.docker.com/build/building/secrets/",
            "https://avd.aquasec.com/misconfig/ds031",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

const SECRET_NAMES: &[&str] = &[
    ".env",
    "id_rsa",
    "id_dsa",
    "id_ecdsa",
    "id_ed25519",
    ".npmrc",
    ".pypirc",
    ".netrc",
    "_netrc",
    ".git-credentials",
    ".htpasswd",
    "credentials",
    "credentials.json",
    "kubeconfig",
    ".kubeconfig",
    ".dockercfg",
    "secrets.json",
    "secrets.yaml",
    "secrets.yml",
    "service-account.json",
];
const SECRET_EXTS: &[&str] = &[".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk"];
const ENV_TEMPLATES: &[&str] = &["example", "sample", "template", "dist", "defaults", "default"];
const PUBLIC_PEM_WORDS: &[&str] = &[
    "ca", "cacert", "cert", "certs", "certificate", "chain", "fullchain", "bundle", "pub",
    "public", "root", "rootca", "trust",
];

/// Why `path` looks like a credentials file, if it does.
pub(crate) fn secret_kind(path: &str) -> Option<&'static str> {
    let p = path.trim_end_matches('/').to_ascii_lowercase();
    let base = p.rsplit('/').next().unwrap_or(&p);
    let dir_hit = |d: &str| p == d || p.ends_with(&format!("/{d}")) || p.contains(&format!("{d}/"));
    if dir_hit(".ssh") {
        return Some("an SSH directory");
    }
    if dir_hit(".aws") {
        return Some("AWS credentials");
    }
    if p.ends_with(".docker/config.json") {
        return Some("Docker registry credentials");
    }
    if p.ends_with(".kube/config") {
        return Some("a kubeconfig");
    }
    if base.ends_with(".pub") {
        return None;
    }
    if SECRET_NAMES.contains(&base) {
        return Some(match base {
            ".env" => "an environment file",
            ".npmrc" | ".pypirc" | ".netrc" | "_netrc" | ".git-credentials" => "registry credentials",
            b if b.starts_with("id_") => "an SSH private key",
            _ => "credentials",
        });
    }
    if let Some(suffix) = base.strip_prefix(".env.") {
        return (!ENV_TEMPLATES.contains(&suffix)).then_some("an environment file");
    }
    if base.ends_with(".env") && base.len() > 4 && !base.contains('*') {
        return Some("an environment file");
    }
    if SECRET_EXTS.iter().any(|e| base.ends_with(e)) {
        return Some("a private key or keystore");
    }
    if let Some(stem) = base.strip_suffix(".pem") {
        let public = stem
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| PUBLIC_PEM_WORDS.contains(&w));
        return (!public).then_some("a PEM file (private key?)");
    }
    None
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in &ctx.df.instructions {
        let inner = ins.onbuild.as_deref().unwrap_or(ins);
        if !matches!(inner.keyword, Keyword::Copy | Keyword::Add) {
            continue;
        }
        let words = inner.words(ctx.escape);
        let n = words.len();
        if n < 2 {
            continue;
        }
        let hit = words.iter().take(n - 1).find_map(|w| {
            let v = w.value.as_str();
            if v.starts_with("<<") || v.contains("://") || v.starts_with("git@") {
                return None;
            }
            secret_kind(v).map(|k| (v.to_string(), k))
        });
        if let Some((src, kind)) = hit {
            out.report(
                ins,
                format!(
                    "`{} {src}` copies {kind} into the image; mount it with `RUN --mount=type=secret` instead",
                    inner.name.to_ascii_uppercase()
                ),
            );
        }
    }
}

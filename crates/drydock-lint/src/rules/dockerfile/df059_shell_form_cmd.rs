use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_dockerfile::Keyword;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags `CMD` and `ENTRYPOINT` written in shell form (`CMD node server.js`) instead of
    /// the JSON exec form (`CMD ["node", "server.js"]`).
    ///
    /// ## Why is this bad?
    /// Shell form runs the program as a child of `/bin/sh -c`: the shell is PID 1, `SIGTERM`
    /// from `docker stop` never reaches the application, and it is killed after the timeout
    /// instead of shutting down cleanly. A shell-form `ENTRYPOINT` also ignores `CMD` and
    /// `docker run` arguments.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD node server.js
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ["node", "server.js"]
    /// ```
    ///
    /// A JSON array with single quotes (`CMD ['node']`) is not JSON, so Docker treats it as
    /// shell form and it is reported. As hadolint does, `HEALTHCHECK CMD` in shell form is
    /// reported too, while `ONBUILD CMD` / `ONBUILD HEALTHCHECK` are not checked.
    /// Peer: hadolint DL3025.
    Rule {
        id: "DF059",
        name: "shell-form-cmd",
        severity: Severity::Medium,
        title: "CMD/ENTRYPOINT in shell form",
        remediation: "Use the JSON exec form: `CMD [\"executable\", \"arg\"]`.",
        peer_ids: &["DL3025"],
        references: &[
            "https://github.com/hadolint/hadolint/wiki/DL3025",
            "https://docs.docker.com/reference/dockerfile/#shell-and-exec-form",
        ],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

/// Is `s` a JSON array of strings (`["a", "b\\"c"]`)?
fn is_json_string_array(s: &str) -> bool {
    let s = s.trim();
    let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
        return false;
    };
    let mut chars = inner.trim().chars().peekable();
    if chars.peek().is_none() {
        return true;
    }
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('"') {
            return false;
        }
        loop {
            match chars.next() {
                None => return false,
                Some('\\') => {
                    chars.next();
                }
                Some('"') => break,
                Some(_) => {}
            }
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        match chars.next() {
            None => return true,
            Some(',') => {}
            Some(_) => return false,
        }
    }
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for ins in &ctx.df.instructions {
        let (kw, text) = match ins.keyword {
            Keyword::Cmd | Keyword::Entrypoint if !ins.is_exec_form() => {
                (ins.name.to_ascii_uppercase(), ins.text())
            }
            Keyword::Healthcheck => {
                // `HEALTHCHECK [options] CMD <command>`: hadolint checks its form too.
                let text = ins.text();
                let t = text.trim_start();
                let Some(rest) = t
                    .get(..3)
                    .filter(|k| k.eq_ignore_ascii_case("CMD"))
                    .and_then(|_| t.get(3..))
                    .filter(|r| r.starts_with(char::is_whitespace))
                else {
                    continue;
                };
                if is_json_string_array(rest) {
                    continue;
                }
                ("HEALTHCHECK CMD".to_string(), rest.trim().to_string())
            }
            _ => continue,
        };
        if text.trim_start().starts_with('[') {
            out.report(
                ins,
                format!("`{kw}` is not a valid JSON array (strings need double quotes), so it runs in shell form"),
            );
            continue;
        }
        if text.contains(['|', '&', ';', '>', '<', '$', '`']) {
            out.report(
                ins,
                format!("`{kw}` is in shell form; use the exec form, e.g. `{kw} [\"sh\", \"-c\", \"…\"]` or a script"),
            );
            continue;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let suggestion = words
            .iter()
            .take(4)
            .map(|w| format!("\"{}\"", w.replace('"', "\\\"")))
            .collect::<Vec<_>>()
            .join(", ");
        let more = if words.len() > 4 { ", …" } else { "" };
        out.report(
            ins,
            format!("`{kw}` is in shell form; use the exec form `{kw} [{suggestion}{more}]`"),
        );
    }
}

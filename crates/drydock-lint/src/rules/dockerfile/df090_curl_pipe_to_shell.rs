use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;
use drydock_dockerfile::shell::{Command, Separator};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that executes a downloaded script without saving and checking it first:
    /// `curl … | sh` (also `bash`, `zsh`, `python`, `perl`, `sudo bash`, through `tee`),
    /// `wget -qO- … | bash`, `sh -c "$(curl …)"`, `eval "$(wget -qO- …)"` and
    /// `bash <(curl …)`.
    ///
    /// ## Why is this bad?
    /// Whatever the server (or anyone who compromised it or its CDN) returns at build time
    /// runs as root in the build, with no checksum or signature; a truncated download can
    /// even run half a script.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12-slim
    /// RUN curl -fsSL https://get.example.com/install.sh | sh
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12-slim
    /// ARG INSTALL_SHA256=3f1c…
    /// RUN curl -fsSLo /tmp/install.sh https://get.example.com/v1.2.3/install.sh \
    ///  && echo "${INSTALL_SHA256}  /tmp/install.sh" | sha256sum -c - \
    ///  && sh /tmp/install.sh && rm /tmp/install.sh
    /// ```
    ///
    /// drydock-only: hadolint, Trivy and checkov have no equivalent (hadolint DL4006 only asks
    /// for `set -o pipefail`).
    Rule {
        id: "DF090",
        name: "curl-pipe-to-shell",
        severity: Severity::High,
        title: "Downloaded script piped into a shell",
        remediation: "Download to a file, verify its checksum or signature, then run it.",
        peer_ids: &[],
        references: &["https://docs.docker.com/build/building/best-practices/#using-pipes"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

const SHELLS: &[&str] = &[
    "sh", "bash", "zsh", "dash", "ash", "ksh", "mksh", "fish", "busybox", "python", "python2",
    "python3", "perl", "ruby", "node", "php", "pwsh", "powershell",
];
const DOWNLOADERS: &[&str] = &["curl", "wget"];

fn shell_of(c: &Command) -> Option<String> {
    let p = c.program();
    let base = p.trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == '.');
    (SHELLS.contains(&p) || SHELLS.contains(&base)).then(|| p.to_string())
}

/// `$(curl …)`, `` `wget …` `` or `<(curl …)` inside a word.
fn fetches_inline(raw: &str) -> Option<&'static str> {
    let squashed: String = raw.split_whitespace().collect::<Vec<_>>().join("");
    for d in DOWNLOADERS {
        for open in ["$(", "`", "<("] {
            if squashed.contains(&format!("{open}{d}")) {
                return Some(d);
            }
        }
    }
    None
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        let cmds: Vec<Command> = script.commands.iter().map(|c| c.unwrapped()).collect();
        let mut hit: Option<String> = None;
        for (i, c) in cmds.iter().enumerate() {
            if !DOWNLOADERS.contains(&c.program()) || c.next != Separator::Pipe {
                continue;
            }
            let mut j = i + 1;
            while let Some(n) = cmds.get(j) {
                if let Some(sh) = shell_of(n) {
                    hit = Some(format!("`{} … | {sh}`", c.program()));
                    break;
                }
                if n.next != Separator::Pipe {
                    break;
                }
                j += 1;
            }
            if hit.is_some() {
                break;
            }
        }
        if hit.is_none() {
            // `sh -c "$(curl …)"`, `eval "$(wget -qO- …)"`, `source <(curl …)`.
            hit = cmds.iter().find_map(|c| {
                let p = c.program();
                if shell_of(c).is_none() && !matches!(p, "eval" | "source" | ".") {
                    return None;
                }
                let d = c.args.iter().skip(1).find_map(|w| fetches_inline(&w.raw))?;
                let dash_c = if c.has_flag(&["-c"]) { " -c" } else { "" };
                Some(format!("`{p}{dash_c} \"$({d} …)\"`"))
            });
        }
        if hit.is_none() {
            // Process substitution: the tokenizer sees `bash <(curl …)` as a redirection.
            if let Some(text) = ins.shell_script() {
                if let Some(d) = fetches_inline(&text).filter(|_| text.contains("<(")) {
                    if cmds.iter().any(|c| {
                        shell_of(c).is_some() || matches!(c.program(), "source" | ".")
                    }) {
                        hit = Some(format!("a shell reading `<({d} …)`"));
                    }
                }
            }
        }
        if let Some(what) = hit {
            out.report(
                ins,
                format!("{what} runs a downloaded script unverified; download it, check its checksum, then run it"),
            );
        }
    }
}

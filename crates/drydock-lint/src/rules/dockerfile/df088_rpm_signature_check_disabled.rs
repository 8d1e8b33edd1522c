use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags RPM package managers with signature or TLS checks disabled: `--nogpgcheck`,
    /// `--setopt=gpgcheck=0`, `--setopt=sslverify=false` on `yum`/`dnf`/`tdnf`/`microdnf`,
    /// `zypper --no-gpg-checks`, and `rpm` with `--nosignature`, `--nodigest`, `--noverify`
    /// or `--nofiledigest`.
    ///
    /// ## Why is this bad?
    /// The packages are installed, as root, without proof they come from the vendor: a
    /// tampered mirror or a man-in-the-middle controls the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf install -y --nogpgcheck https://example.com/tool.rpm
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN rpm --import https://example.com/RPM-GPG-KEY \
    ///  && dnf install -y https://example.com/tool.rpm
    /// ```
    ///
    /// hadolint has no equivalent. Peers: checkov CKV2_DOCKER_9 (`--nogpgcheck`),
    /// CKV2_DOCKER_10 (rpm `--nodigest`/`--nosignature`/…), CKV2_DOCKER_15 (`sslverify`).
    Rule {
        id: "DF088",
        name: "rpm-signature-check-disabled",
        severity: Severity::High,
        title: "RPM package signature or TLS check disabled",
        remediation: "Remove the option; import the vendor's GPG key with `rpm --import` instead.",
        peer_ids: &["CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_15"],
        references: &["https://man7.org/linux/man-pages/man8/dnf.8.html"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn setopt_disables(opt: &str) -> bool {
    let o = opt.to_ascii_lowercase();
    let Some((k, v)) = o.split_once('=') else {
        return false;
    };
    let off = matches!(v, "0" | "false" | "no" | "off" | "none");
    off && (k.ends_with("gpgcheck") || k.ends_with("sslverify"))
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        let mut found: Option<String> = None;
        for c in script.commands.iter().map(|c| c.unwrapped()) {
            let p = c.program().to_string();
            let args: Vec<&str> = c.arg_values().collect();
            for (i, a) in args.iter().enumerate() {
                let hit = match p.as_str() {
                    "yum" | "dnf" | "tdnf" | "microdnf" | "yum-config-manager" | "dnf5" => {
                        *a == "--nogpgcheck"
                            || a.strip_prefix("--setopt=").is_some_and(setopt_disables)
                            || (*a == "--setopt" && args.get(i + 1).is_some_and(|o| setopt_disables(o)))
                    }
                    "zypper" => matches!(*a, "--no-gpg-checks" | "--no-gpg-check"),
                    "rpm" => matches!(
                        *a,
                        "--nosignature" | "--nodigest" | "--noverify" | "--nofiledigest"
                    ),
                    _ => false,
                };
                if hit {
                    found = Some(format!("`{p} {a}`"));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some(what) = found {
            out.report(
                ins,
                format!("{what} installs packages without verifying their signature or TLS certificate"),
            );
        }
    }
}

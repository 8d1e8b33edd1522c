use crate::declare_rule;
use crate::detect::FileKind;
use crate::dockerfile::{Context, Reporter};
use crate::rule::RuleCheck;
use drydock_report::Severity;

declare_rule! {
    /// ## What it does
    /// Flags npm, yarn or pnpm told to skip TLS verification: `npm config set strict-ssl
    /// false` (also `npm set`, `strict-ssl=false`, `yarn config set strict-ssl false`,
    /// `pnpm config set …`) and `--strict-ssl=false` / `--no-strict-ssl` on any of them.
    ///
    /// ## Why is this bad?
    /// Packages are then fetched without certificate checks; anyone on the path can serve a
    /// tampered package whose install scripts run in the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN npm config set strict-ssl false && npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY corp-ca.crt /usr/local/share/ca-certificates/
    /// RUN npm config set cafile /usr/local/share/ca-certificates/corp-ca.crt && npm ci
    /// ```
    ///
    /// `NPM_CONFIG_STRICT_SSL=false` in the environment is rule DF085. hadolint has no
    /// equivalent. Peer: checkov CKV2_DOCKER_13.
    Rule {
        id: "DF089",
        name: "npm-strict-ssl-disabled",
        severity: Severity::High,
        title: "npm/yarn strict-ssl disabled",
        remediation: "Keep `strict-ssl` on; point `cafile` at your CA certificate instead.",
        peer_ids: &["CKV2_DOCKER_13"],
        references: &["https://docs.npmjs.com/cli/using-npm/config#strict-ssl"],
        opt_in: false,
        kind: FileKind::Dockerfile,
        check: RuleCheck::Dockerfile(check),
    }
}

fn is_off(v: &str) -> bool {
    matches!(v.to_ascii_lowercase().as_str(), "false" | "0" | "no")
}

fn check(ctx: &Context<'_>, out: &mut Reporter) {
    for (ins, script) in ctx.runs() {
        let hit = script.find(&["npm", "yarn", "pnpm", "npx"]).find_map(|c| {
            let args: Vec<&str> = c.arg_values().collect();
            let flag = args.iter().any(|a| {
                *a == "--no-strict-ssl"
                    || a.strip_prefix("--strict-ssl=").is_some_and(is_off)
            });
            let set = args.iter().enumerate().any(|(i, a)| {
                let a = a.trim_start_matches("--");
                if let Some(v) = a.strip_prefix("strict-ssl=") {
                    return is_off(v) && args.iter().take(i).any(|x| *x == "set");
                }
                a == "strict-ssl"
                    && i > 0
                    && args[..i].contains(&"set")
                    && args.get(i + 1).is_some_and(|v| is_off(v))
            });
            (flag || set).then(|| c.program().to_string())
        });
        if let Some(tool) = hit {
            out.report(
                ins,
                format!("`{tool}` is configured with `strict-ssl false`: registry TLS certificates are not verified"),
            );
        }
    }
}

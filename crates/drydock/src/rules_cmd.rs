use crate::cli::RulesArgs;
use anyhow::{bail, Context};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if let Some(key) = &args.rule {
        let Some(rule) = drydock_lint::find_rule(key) else {
            bail!("no rule `{key}` (see `drydock rules`)");
        };
        let info = rule.info();
        if args.format == "json" {
            serde_json::to_writer_pretty(&mut out, &info)?;
            writeln!(out)?;
        } else {
            writeln!(out, "# {} {}: {}\n", info.id, info.name, info.title)?;
            writeln!(
                out,
                "Severity: {}{}",
                info.severity,
                if info.opt_in { " (opt-in)" } else { "" }
            )?;
            writeln!(out, "Applies to: {}", info.file_kind)?;
            if !info.peer_ids.is_empty() {
                writeln!(out, "Same as: {}", info.peer_ids.join(", "))?;
            }
            writeln!(out, "Fix: {}\n", info.remediation)?;
            writeln!(out, "{}", info.doc)?;
            for r in &info.references {
                writeln!(out, "- {r}")?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let infos: Vec<_> = drydock_lint::all_rules().iter().map(|r| r.info()).collect();
    match args.format.as_str() {
        "json" => {
            serde_json::to_writer_pretty(&mut out, &infos).context("writing rules")?;
            writeln!(out)?;
        }
        "table" => {
            for i in &infos {
                writeln!(
                    out,
                    "{:<7} {:<9} {:<42} {}{}",
                    i.id,
                    i.severity.as_str(),
                    i.name,
                    i.peer_ids.join(","),
                    if i.opt_in { "  (opt-in)" } else { "" }
                )?;
            }
        }
        other => bail!("unknown format `{other}` for `drydock rules` (expected table or json)"),
    }
    Ok(ExitCode::SUCCESS)
}

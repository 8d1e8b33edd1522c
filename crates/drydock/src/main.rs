//! The `drydock` binary: parses the command line, runs a scanner, renders the report, and
//! decides the exit code (0 clean, 1 findings at the gate or `--exit-code N`, 2 error).

mod cli;
mod config_cmd;
mod rules_cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`drydock … | head`) is not an error.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            anstream::eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: cli::Cli) -> anyhow::Result<ExitCode> {
    match args.command {
        cli::Command::Config(a) => config_cmd::run(a),
        cli::Command::Rules(a) => rules_cmd::run(a),
    }
}

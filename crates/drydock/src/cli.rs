use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// drydock: container security in one fast binary.
#[derive(Debug, Parser)]
#[command(name = "drydock", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint configuration files: Dockerfiles/Containerfiles (files or directories, walked
    /// recursively, respecting .gitignore).
    Config(ConfigArgs),
    /// List the rules, or print one rule's documentation.
    Rules(RulesArgs),
}

/// Output options shared by every scanning command.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format: table, json, sarif or github (default: table).
    #[arg(short, long, value_name = "FORMAT", default_value = "table")]
    pub format: drydock_report::Format,
    /// Write the report to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only report these severities (comma-separated: CRITICAL,HIGH,MEDIUM,LOW,INFO).
    #[arg(short, long, value_name = "LIST", value_delimiter = ',')]
    pub severity: Vec<drydock_report::Severity>,
    /// Exit code when findings remain after filtering (0 to never fail on findings).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub exit_code: u8,
    /// Print nothing but the report (no summary or warnings on stderr).
    #[arg(short, long)]
    pub quiet: bool,
    /// Colour: auto (only on a terminal), always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Files or directories to lint.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Configuration file (default: .drydock.yaml in the current directory, if present).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore file: one rule id per line, optional `exp:YYYY-MM-DD` (default: .drydockignore).
    #[arg(long, value_name = "FILE")]
    pub ignore_file: Option<PathBuf>,
    /// Also lint files that .gitignore excludes.
    #[arg(long)]
    pub no_gitignore: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule id, name or peer id (e.g. DF001, last-user-root, DL3002): print its documentation.
    pub rule: Option<String>,
    /// table or json.
    #[arg(short, long, default_value = "table")]
    pub format: String,
}

use crate::cli::{ColorChoice, ConfigArgs, OutputArgs};
use anyhow::Context as _;
use drydock_lint::{Config, FileKind, IgnoreFile};
use drydock_report::{render, RenderOptions, Report, ScanError};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A file to lint and what kind it is.
struct Job {
    path: PathBuf,
    kind: FileKind,
}

pub fn run(args: ConfigArgs) -> anyhow::Result<ExitCode> {
    let mut config = match &args.config {
        Some(p) => Config::load(p)?,
        None => ["drydock.yaml", ".drydock.yaml", ".drydock.yml"]
            .iter()
            .map(Path::new)
            .find(|p| p.is_file())
            .map(Config::load)
            .transpose()?
            .unwrap_or_else(Config::new),
    };
    let ignore_path = args
        .ignore_file
        .clone()
        .or_else(|| Some(PathBuf::from(".drydockignore")).filter(|p| p.is_file()));
    if let Some(p) = ignore_path {
        config.ignores.extend(IgnoreFile::load(&p)?.entries);
    }

    let mut report = Report::default();
    let mut jobs = Vec::new();
    for p in &args.paths {
        collect(p, !args.no_gitignore, &mut jobs, &mut report.errors);
    }
    let results: Vec<_> = jobs
        .par_iter()
        .map(|job| {
            let display = job.path.to_string_lossy().to_string();
            match std::fs::read(&job.path) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let findings =
                        drydock_lint::lint_source(job.kind, &display, &display, &text, &config);
                    Ok((display, text, findings))
                }
                Err(e) => Err(ScanError {
                    path: display,
                    message: format!("cannot read file: {e}"),
                }),
            }
        })
        .collect();
    for r in results {
        match r {
            Ok((path, text, findings)) => {
                report.scanned += 1;
                if !findings.is_empty() {
                    report.sources.insert(path, text);
                }
                report.findings.extend(findings);
            }
            Err(e) => report.errors.push(e),
        }
    }
    report.rules = drydock_lint::rule_infos(&config);
    finish(report, &args.output)
}

/// Filter by severity, render, and pick the exit code. Shared by every scanning command.
pub fn finish(mut report: Report, out_args: &OutputArgs) -> anyhow::Result<ExitCode> {
    if !out_args.severity.is_empty() {
        report
            .findings
            .retain(|f| out_args.severity.contains(&f.severity));
    }
    report.sort();
    let to_terminal = out_args.output.is_none() && std::io::stdout().is_terminal();
    let color = match out_args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let opts = RenderOptions { color };
    let mut buf = Vec::new();
    render(&report, out_args.format, &opts, &mut buf)?;
    match &out_args.output {
        Some(p) => {
            std::fs::write(p, &buf).with_context(|| format!("cannot write `{}`", p.display()))?
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&buf)?;
            stdout.flush()?;
        }
    }
    if !out_args.quiet {
        for e in &report.errors {
            if out_args.format != drydock_report::Format::Table || out_args.output.is_some() {
                anstream::eprintln!("warning: {}: {}", e.path, e.message);
            }
        }
    }
    if !report.errors.is_empty() && report.scanned == 0 {
        return Ok(ExitCode::from(2));
    }
    if !report.findings.is_empty() && out_args.exit_code != 0 {
        return Ok(ExitCode::from(out_args.exit_code));
    }
    Ok(ExitCode::SUCCESS)
}

/// Gather the files under `path`. Explicit files are linted whatever their name (a Dockerfile
/// is assumed); directories are walked for known names, respecting .gitignore.
fn collect(path: &Path, gitignore: bool, jobs: &mut Vec<Job>, errors: &mut Vec<ScanError>) {
    let display = path.to_string_lossy().to_string();
    match std::fs::metadata(path) {
        Err(e) => errors.push(ScanError {
            path: display,
            message: format!("cannot read: {e}"),
        }),
        Ok(m) if m.is_file() => {
            let kind = drydock_lint::detect(path).unwrap_or(FileKind::Dockerfile);
            jobs.push(Job {
                path: path.to_path_buf(),
                kind,
            });
        }
        Ok(_) => {
            let walker = ignore::WalkBuilder::new(path)
                .hidden(false)
                .git_ignore(gitignore)
                .git_global(gitignore)
                .git_exclude(gitignore)
                .require_git(false)
                .filter_entry(|e| e.file_name() != ".git")
                .build();
            let mut found: Vec<Job> = Vec::new();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        if let Some(kind) = drydock_lint::detect(e.path()) {
                            found.push(Job {
                                path: e.path().to_path_buf(),
                                kind,
                            });
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(ScanError {
                        path: display.clone(),
                        message: e.to_string(),
                    }),
                }
            }
            found.sort_by(|a, b| a.path.cmp(&b.path));
            jobs.extend(found);
        }
    }
}

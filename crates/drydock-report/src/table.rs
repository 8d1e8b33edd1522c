//! Human output: findings grouped by file, coloured severity, the offending line shown.
use crate::{RenderOptions, Report, Severity};
use anstyle::{AnsiColor, Style};
use std::io::Write;

fn sev_style(s: Severity) -> Style {
    let c = match s {
        Severity::Critical => AnsiColor::Magenta,
        Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low => AnsiColor::Blue,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().fg_color(Some(c.into())).bold()
}

pub(crate) fn render(
    report: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let paint = |style: Style, text: &str| -> String {
        if opts.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    };
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let mut current: Option<&str> = None;
    for f in &report.findings {
        let path = f.location.path.as_str();
        if current != Some(path) {
            if current.is_some() {
                writeln!(out)?;
            }
            let n = report
                .findings
                .iter()
                .filter(|g| g.location.path == path)
                .count();
            writeln!(
                out,
                "{} ({n} finding{})",
                paint(bold, path),
                if n == 1 { "" } else { "s" }
            )?;
            writeln!(out, "{}", "─".repeat(path.chars().count().max(20)))?;
            current = Some(path);
        }
        let l = &f.location;
        writeln!(
            out,
            "{:<9}{} {}  {}",
            paint(sev_style(f.severity), f.severity.as_str()),
            paint(bold, &f.rule_id),
            f.message,
            paint(dim, &format!("[{}]", f.rule_name)),
        )?;
        writeln!(
            out,
            "  {} {}:{}:{}",
            paint(dim, "-->"),
            path,
            l.start_line,
            l.start_column
        )?;
        if let Some(src) = report.source_line(path, l.start_line) {
            let src = if src.chars().count() > 160 {
                format!("{}…", src.chars().take(160).collect::<String>())
            } else {
                src.to_string()
            };
            let gutter = l.start_line.to_string();
            writeln!(out, "  {} │ {}", paint(dim, &gutter), src)?;
        }
        writeln!(
            out,
            "  {} {}",
            paint(Style::new().fg_color(Some(AnsiColor::Green.into())), "fix:"),
            f.remediation
        )?;
        if !f.peer_ids.is_empty() {
            writeln!(
                out,
                "  {} {}  {}",
                paint(dim, "see:"),
                f.doc_url,
                paint(dim, &f.peer_ids.join(", "))
            )?;
        }
    }
    for e in &report.errors {
        writeln!(
            out,
            "{} {}: {}",
            paint(sev_style(Severity::High), "error:"),
            e.path,
            e.message
        )?;
    }
    if !report.findings.is_empty() || report.scanned > 0 {
        if !report.findings.is_empty() {
            writeln!(out)?;
        }
        let counts: Vec<String> = report
            .counts()
            .into_iter()
            .map(|(s, n)| format!("{s}: {n}"))
            .collect();
        writeln!(
            out,
            "{} file{} scanned, {} finding{} ({})",
            report.scanned,
            if report.scanned == 1 { "" } else { "s" },
            report.findings.len(),
            if report.findings.len() == 1 { "" } else { "s" },
            counts.join(", ")
        )?;
    }
    Ok(())
}

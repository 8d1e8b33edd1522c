//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding.
//! See "Workflow commands for GitHub Actions" (`::error file=…,line=…,endLine=…,title=…::msg`).
use crate::{Report, Severity};
use std::io::Write;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(crate) fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &report.findings {
        let level = match f.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium | Severity::Low => "warning",
            Severity::Info => "notice",
        };
        let l = &f.location;
        writeln!(
            out,
            "::{level} file={},line={},endLine={},col={},title={}::{}",
            escape_property(&l.path),
            l.start_line,
            l.end_line,
            l.start_column,
            escape_property(&format!("{} {}", f.rule_id, f.title)),
            escape_data(&format!(
                "[{}] {} Fix: {}",
                f.severity, f.message, f.remediation
            )),
        )?;
    }
    for e in &report.errors {
        writeln!(
            out,
            "::error file={}::{}",
            escape_property(&e.path),
            escape_data(&e.message)
        )?;
    }
    Ok(())
}

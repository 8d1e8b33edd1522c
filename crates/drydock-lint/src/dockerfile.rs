//! Running the Dockerfile rules: the [`Context`] rules read, the [`Reporter`] they write to,
//! and suppression.
use crate::config::{suppression, Config};
use crate::rule::{Rule, RuleCheck};
use drydock_dockerfile::shell::{parse_script, Script};
use drydock_dockerfile::{parse, Dockerfile, Instruction, Keyword, Span};
use drydock_report::{Finding, Location};

/// What a Dockerfile rule sees: the parsed file, each RUN's tokenized script, and the config.
pub struct Context<'a> {
    pub df: &'a Dockerfile,
    pub path: &'a str,
    pub config: &'a Config,
    pub escape: char,
    /// Tokenized scripts of RUN instructions (ONBUILD RUN included), by instruction index.
    scripts: Vec<Option<Script>>,
}

impl<'a> Context<'a> {
    pub fn new(df: &'a Dockerfile, path: &'a str, config: &'a Config) -> Context<'a> {
        let scripts = df
            .instructions
            .iter()
            .map(|ins| {
                let run = run_of(ins)?;
                run.shell_script().map(|s| parse_script(&s))
            })
            .collect();
        Context {
            df,
            path,
            config,
            escape: df.directives.escape,
            scripts,
        }
    }

    /// Every RUN (also `ONBUILD RUN`) in shell form with its script, in file order.
    /// Exec-form RUNs (`RUN ["apt-get", "install", …]`) are given as a one-command script.
    pub fn runs(&self) -> impl Iterator<Item = (&'a Instruction, &Script)> + '_ {
        self.df
            .instructions
            .iter()
            .zip(&self.scripts)
            .filter_map(|(ins, s)| Some((run_of(ins)?, s.as_ref()?)))
    }

    /// Instructions of the last stage (FROM included).
    pub fn final_stage(&self) -> impl Iterator<Item = &'a Instruction> + 'a {
        let last = self.df.stages.len().checked_sub(1);
        self.df
            .instructions
            .iter()
            .filter(move |i| i.stage.is_some() && i.stage == last)
    }

    /// The instructions of one keyword, ONBUILD-registered ones excluded.
    pub fn of(&self, kw: Keyword) -> impl Iterator<Item = &'a Instruction> + 'a {
        self.df.instructions.iter().filter(move |i| i.keyword == kw)
    }
}

fn run_of(ins: &Instruction) -> Option<&Instruction> {
    match &ins.onbuild {
        Some(inner) if inner.keyword == Keyword::Run => Some(inner),
        _ if ins.keyword == Keyword::Run => Some(ins),
        _ => None,
    }
}

/// Collects a rule's violations.
pub struct Reporter {
    hits: Vec<(Span, String)>,
}

impl Reporter {
    /// Report at an instruction (its whole span).
    pub fn report(&mut self, ins: &Instruction, message: impl Into<String>) {
        self.hits.push((ins.span, message.into()));
    }

    /// Report at a precise span.
    pub fn report_span(&mut self, span: Span, message: impl Into<String>) {
        self.hits.push((span, message.into()));
    }

    /// Report at a line (for file-level findings).
    pub fn report_line(&mut self, line: u32, message: impl Into<String>) {
        let line = line.max(1);
        self.hits.push((
            Span {
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 1,
            },
            message.into(),
        ));
    }
}

/// Lint one Dockerfile's text with every enabled Dockerfile rule.
pub fn lint(path: &str, target: &str, source: &str, config: &Config) -> Vec<Finding> {
    lint_with(path, target, source, config, crate::all_rules())
}

/// Lint with only `rules` (each still subject to `config`).
pub fn lint_with(
    path: &str,
    target: &str,
    source: &str,
    config: &Config,
    rules: &[&'static Rule],
) -> Vec<Finding> {
    let df = parse(source);
    let ctx = Context::new(&df, path, config);
    let suppress = Suppressions::new(&df);
    let mut findings = Vec::new();
    for &rule in rules {
        let RuleCheck::Dockerfile(check) = rule.check;
        if !config.is_enabled(rule) || config.is_ignored(rule) {
            continue;
        }
        let mut rep = Reporter { hits: Vec::new() };
        check(&ctx, &mut rep);
        for (span, message) in rep.hits {
            if suppress.is_suppressed(rule, span.start_line) {
                continue;
            }
            findings.push(finding(rule, config, path, target, span, message));
        }
    }
    findings
}

fn finding(
    rule: &Rule,
    config: &Config,
    path: &str,
    target: &str,
    span: Span,
    message: String,
) -> Finding {
    Finding {
        rule_id: rule.id.to_string(),
        rule_name: rule.name.to_string(),
        severity: config.severity_for(rule),
        title: rule.title.to_string(),
        message,
        target: target.to_string(),
        location: Location {
            path: path.to_string(),
            start_line: span.start_line,
            start_column: span.start_column.max(1),
            end_line: span.end_line.max(span.start_line),
            end_column: span.end_column.max(1),
            layer: None,
        },
        remediation: rule.remediation.to_string(),
        doc_url: format!("{}/{}.md", drydock_report::DOCS_BASE, rule.id),
        peer_ids: rule.peer_ids.iter().map(|s| s.to_string()).collect(),
        references: rule.references.iter().map(|s| s.to_string()).collect(),
    }
}

/// Inline suppressions: a pragma comment directly above an instruction silences the named rules
/// on that instruction; a global pragma silences them in the whole file.
struct Suppressions {
    global: Vec<String>,
    /// (first line, last line, keys) per instruction with pragmas above it.
    local: Vec<(u32, u32, Vec<String>)>,
}

impl Suppressions {
    fn new(df: &Dockerfile) -> Suppressions {
        let mut global = Vec::new();
        for c in &df.comments {
            if let Some((true, keys)) = suppression(&c.text) {
                global.extend(keys);
            }
        }
        let local = df
            .instructions
            .iter()
            .filter_map(|ins| {
                let keys: Vec<String> = ins
                    .comments_before
                    .iter()
                    .filter_map(|c| suppression(&c.text))
                    .filter(|(g, _)| !g)
                    .flat_map(|(_, k)| k)
                    .collect();
                (!keys.is_empty()).then_some((ins.span.start_line, ins.span.end_line, keys))
            })
            .collect();
        Suppressions { global, local }
    }

    fn is_suppressed(&self, rule: &Rule, line: u32) -> bool {
        self.global.iter().any(|k| rule.matches(k))
            || self.local.iter().any(|(a, b, keys)| {
                (*a..=*b).contains(&line) && keys.iter().any(|k| rule.matches(k))
            })
    }
}

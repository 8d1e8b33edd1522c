use crate::subst::{expand, Env};
use crate::words::{split_words, Word};

/// A region of the source. Lines and columns are 1-based, `end_column` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// Something wrong with the file's syntax, at a line. Parsing goes on after it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: u32,
    pub message: String,
}

/// Parser directives from the top of the file (`# syntax=`, `# escape=`, `# check=`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directives {
    pub syntax: Option<String>,
    pub escape: char,
    pub check: Option<String>,
}

impl Default for Directives {
    fn default() -> Self {
        Directives {
            syntax: None,
            escape: '\\',
            check: None,
        }
    }
}

/// A `#` comment line (outside continuations), with the text after `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub line: u32,
    pub text: String,
}

/// The Dockerfile instructions BuildKit knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keyword {
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir,
    /// Anything else (reported as a parse error, kept so rules can still see it).
    Unknown(String),
}

impl Keyword {
    fn from_name(s: &str) -> Keyword {
        match s.to_ascii_uppercase().as_str() {
            "ADD" => Keyword::Add,
            "ARG" => Keyword::Arg,
            "CMD" => Keyword::Cmd,
            "COPY" => Keyword::Copy,
            "ENTRYPOINT" => Keyword::Entrypoint,
            "ENV" => Keyword::Env,
            "EXPOSE" => Keyword::Expose,
            "FROM" => Keyword::From,
            "HEALTHCHECK" => Keyword::Healthcheck,
            "LABEL" => Keyword::Label,
            "MAINTAINER" => Keyword::Maintainer,
            "ONBUILD" => Keyword::Onbuild,
            "RUN" => Keyword::Run,
            "SHELL" => Keyword::Shell,
            "STOPSIGNAL" => Keyword::Stopsignal,
            "USER" => Keyword::User,
            "VOLUME" => Keyword::Volume,
            "WORKDIR" => Keyword::Workdir,
            other => Keyword::Unknown(other.to_string()),
        }
    }

    /// Instructions whose arguments may be a JSON array (exec form).
    fn allows_exec_form(&self) -> bool {
        matches!(
            self,
            Keyword::Run
                | Keyword::Cmd
                | Keyword::Entrypoint
                | Keyword::Shell
                | Keyword::Copy
                | Keyword::Add
                | Keyword::Volume
        )
    }

    fn allows_heredoc(&self) -> bool {
        matches!(self, Keyword::Run | Keyword::Copy | Keyword::Add)
    }
}

/// An instruction flag such as `--mount=type=cache,target=/root/.cache` or `--link`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub name: String,
    pub value: Option<String>,
}

/// The arguments after the flags: exec (JSON array) or shell/plain form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arguments {
    Exec(Vec<String>),
    Shell(String),
}

/// A here-document attached to a RUN, COPY or ADD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    pub name: String,
    /// `<<-`: leading tabs are stripped from the body.
    pub strip_tabs: bool,
    /// The terminator was quoted: no expansion inside the body.
    pub quoted: bool,
    pub body: String,
    /// First line of the body.
    pub body_line: u32,
}

/// A `KEY=value` pair of ENV, ARG or LABEL (ARG may have no value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    pub value: Option<String>,
}

/// One instruction, its continuation lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    pub keyword: Keyword,
    /// The keyword as written (case preserved).
    pub name: String,
    pub span: Span,
    pub flags: Vec<Flag>,
    pub args: Arguments,
    pub heredocs: Vec<Heredoc>,
    /// For `ONBUILD`: the instruction it registers.
    pub onbuild: Option<Box<Instruction>>,
    /// Index into [`Dockerfile::stages`]; `None` before the first FROM.
    pub stage: Option<usize>,
    /// The comment lines directly above the instruction (no blank line between).
    pub comments_before: Vec<Comment>,
}

/// A build stage: a FROM and the instructions up to the next FROM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub index: usize,
    /// `AS name`, lower-cased as BuildKit compares it.
    pub name: Option<String>,
    /// The image as written.
    pub image: String,
    /// The image with global ARG defaults substituted.
    pub image_expanded: String,
    pub platform: Option<String>,
    /// Index of the FROM in [`Dockerfile::instructions`].
    pub from: usize,
    pub span: Span,
}

/// A parsed Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dockerfile {
    pub directives: Directives,
    pub instructions: Vec<Instruction>,
    pub stages: Vec<Stage>,
    pub comments: Vec<Comment>,
    pub errors: Vec<ParseError>,
}

impl Instruction {
    /// The flag `--name`, if given (the last one wins, as in BuildKit).
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags
            .iter()
            .rev()
            .find(|f| f.name.eq_ignore_ascii_case(name))
    }

    /// All values of a repeatable flag (e.g. `--mount`).
    pub fn flag_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.flags
            .iter()
            .filter(move |f| f.name.eq_ignore_ascii_case(name))
            .filter_map(|f| f.value.as_deref())
    }

    /// The argument text as written (shell form), or the exec array joined by spaces.
    pub fn text(&self) -> String {
        match &self.args {
            Arguments::Shell(s) => s.clone(),
            Arguments::Exec(v) => v.join(" "),
        }
    }

    pub fn is_exec_form(&self) -> bool {
        matches!(self.args, Arguments::Exec(_))
    }

    /// Words of the arguments, split with Dockerfile quoting rules.
    pub fn words(&self, escape: char) -> Vec<Word> {
        match &self.args {
            Arguments::Shell(s) => split_words(s, escape),
            Arguments::Exec(v) => v
                .iter()
                .map(|s| Word {
                    value: s.clone(),
                    raw: s.clone(),
                })
                .collect(),
        }
    }

    /// The shell script a RUN executes: the shell-form text, plus the body of any heredoc
    /// that is used as the script itself (`RUN <<EOF`) or fed to a shell.
    pub fn shell_script(&self) -> Option<String> {
        let Arguments::Shell(text) = &self.args else {
            return None;
        };
        if self.heredocs.is_empty() {
            return Some(text.clone());
        }
        let mut script = text.clone();
        let head = text.trim_start();
        let runs_body = head.starts_with("<<")
            || [
                "sh",
                "bash",
                "/bin/sh",
                "/bin/bash",
                "ash",
                "/bin/ash",
                "dash",
            ]
            .iter()
            .any(|s| head.split_whitespace().next() == Some(*s));
        if runs_body {
            for h in &self.heredocs {
                script.push('\n');
                script.push_str(&h.body);
            }
        }
        Some(script)
    }

    /// Key/value pairs of ENV, ARG and LABEL (`ENV key value` legacy form included).
    pub fn key_values(&self, escape: char) -> Vec<KeyValue> {
        let text = self.text();
        let words = split_words(&text, escape);
        let Some(first) = words.first() else {
            return Vec::new();
        };
        if self.keyword == Keyword::Arg {
            return words
                .iter()
                .map(|w| match w.value.split_once('=') {
                    Some((k, v)) => KeyValue {
                        key: k.to_string(),
                        value: Some(v.to_string()),
                    },
                    None => KeyValue {
                        key: w.value.clone(),
                        value: None,
                    },
                })
                .collect();
        }
        if !first.raw.contains('=') {
            // Legacy `ENV key value with spaces`.
            let rest = text.trim_start()[first.raw.len()..].trim();
            let value: String = split_words(rest, escape)
                .into_iter()
                .map(|w| w.value)
                .collect::<Vec<_>>()
                .join(" ");
            return vec![KeyValue {
                key: first.value.clone(),
                value: Some(value),
            }];
        }
        words
            .iter()
            .map(|w| match w.value.split_once('=') {
                Some((k, v)) => KeyValue {
                    key: k.to_string(),
                    value: Some(v.to_string()),
                },
                None => KeyValue {
                    key: w.value.clone(),
                    value: None,
                },
            })
            .collect()
    }
}

impl Dockerfile {
    /// Instructions of stage `index`, FROM included.
    pub fn stage_instructions(&self, index: usize) -> impl Iterator<Item = &Instruction> {
        self.instructions
            .iter()
            .filter(move |i| i.stage == Some(index))
    }

    /// The last stage (what `docker build` produces without `--target`).
    pub fn final_stage(&self) -> Option<&Stage> {
        self.stages.last()
    }

    /// Find a stage by name (case-insensitive) or numeric index.
    pub fn stage_by_ref(&self, r: &str) -> Option<&Stage> {
        let lower = r.to_ascii_lowercase();
        self.stages
            .iter()
            .find(|s| s.name.as_deref() == Some(lower.as_str()))
            .or_else(|| r.parse::<usize>().ok().and_then(|i| self.stages.get(i)))
    }
}

struct Line<'a> {
    text: &'a str,
    no: u32,
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

fn parse_directive(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix('#')?;
    let (k, v) = rest.split_once('=')?;
    let k = k.trim();
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((k.to_ascii_lowercase(), v.trim().to_string()))
}

/// Strip a trailing escape character (continuation), if there is one.
fn continuation(line: &str, escape: char) -> Option<&str> {
    let t = line.trim_end();
    t.strip_suffix(escape)
}

/// Parse a Dockerfile. Never fails; see [`Dockerfile::errors`].
pub fn parse(src: &str) -> Dockerfile {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let lines: Vec<Line<'_>> = src
        .split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            text: l.strip_suffix('\r').unwrap_or(l),
            no: i as u32 + 1,
        })
        .collect();
    // A trailing newline makes an empty last element; it is not a line.
    let lines = if src.ends_with('\n') {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };

    let mut df = Dockerfile::default();
    let mut i = 0;
    // Parser directives: only at the very top, before any blank line, comment or instruction.
    let mut seen = std::collections::HashSet::new();
    while i < lines.len() {
        let Some((k, v)) = parse_directive(lines[i].text) else {
            break;
        };
        if !matches!(k.as_str(), "syntax" | "escape" | "check") || !seen.insert(k.clone()) {
            break;
        }
        match k.as_str() {
            "syntax" => df.directives.syntax = Some(v),
            "check" => df.directives.check = Some(v),
            _ => match v.as_str() {
                "\\" => df.directives.escape = '\\',
                "`" => df.directives.escape = '`',
                other => df.errors.push(ParseError {
                    line: lines[i].no,
                    message: format!("invalid escape directive `{other}`: must be ` or \\"),
                }),
            },
        }
        df.comments.push(Comment {
            line: lines[i].no,
            text: lines[i].text.trim_start()[1..].to_string(),
        });
        i += 1;
    }
    let escape = df.directives.escape;
    let mut pending_comments: Vec<Comment> = Vec::new();
    let mut global_args = Env::new();
    while i < lines.len() {
        let line = &lines[i];
        if line.text.trim().is_empty() {
            pending_comments.clear();
            i += 1;
            continue;
        }
        if is_comment(line.text) {
            let c = Comment {
                line: line.no,
                text: line.text.trim_start()[1..].to_string(),
            };
            df.comments.push(c.clone());
            pending_comments.push(c);
            i += 1;
            continue;
        }
        // Gather the logical line.
        let start = i;
        let mut logical = String::new();
        let mut cur = line.text;
        let mut last = i;
        loop {
            match continuation(cur, escape) {
                Some(stripped) => {
                    logical.push_str(stripped);
                    // Skip blank and comment lines inside the continuation.
                    let mut j = last + 1;
                    while j < lines.len()
                        && (lines[j].text.trim().is_empty() || is_comment(lines[j].text))
                    {
                        j += 1;
                    }
                    if j >= lines.len() {
                        break;
                    }
                    last = j;
                    cur = lines[j].text;
                }
                None => {
                    logical.push_str(cur);
                    break;
                }
            }
        }
        i = last + 1;
        let start_col = line.text.len() - line.text.trim_start().len();
        let start_col = line.text[..start_col].chars().count() as u32 + 1;
        let mut span = Span {
            start_line: lines[start].no,
            start_column: start_col,
            end_line: lines[last].no,
            end_column: lines[last].text.trim_end().chars().count().max(1) as u32,
        };
        let (mut ins, errs) = parse_instruction(logical.trim(), span);
        for e in errs {
            df.errors.push(e);
        }
        // Heredocs: bodies follow the instruction's last line.
        let heredoc_owner = match &mut ins.onbuild {
            Some(inner) if inner.keyword.allows_heredoc() => inner.as_mut(),
            _ => &mut ins,
        };
        if heredoc_owner.keyword.allows_heredoc() {
            if let Arguments::Shell(text) = &heredoc_owner.args {
                let markers = heredoc_markers(text);
                let mut docs = Vec::new();
                for (name, strip_tabs, quoted) in markers {
                    let body_line = lines.get(i).map(|l| l.no).unwrap_or(span.end_line + 1);
                    let mut body = String::new();
                    let mut terminated = false;
                    while i < lines.len() {
                        let l = lines[i].text;
                        i += 1;
                        let cmp = if strip_tabs {
                            l.trim_start_matches('\t')
                        } else {
                            l
                        };
                        if cmp == name {
                            terminated = true;
                            break;
                        }
                        body.push_str(if strip_tabs { cmp } else { l });
                        body.push('\n');
                    }
                    span.end_line = lines[i.saturating_sub(1).min(lines.len() - 1)].no;
                    span.end_column = lines[i.saturating_sub(1).min(lines.len() - 1)]
                        .text
                        .chars()
                        .count()
                        .max(1) as u32;
                    if !terminated {
                        df.errors.push(ParseError {
                            line: body_line.saturating_sub(1).max(span.start_line),
                            message: format!("heredoc `{name}` is never terminated"),
                        });
                    }
                    docs.push(Heredoc {
                        name,
                        strip_tabs,
                        quoted,
                        body,
                        body_line,
                    });
                }
                heredoc_owner.heredocs = docs;
            }
        }
        ins.span = span;
        if let Some(inner) = ins.onbuild.as_mut() {
            inner.span = span;
        }
        ins.comments_before = std::mem::take(&mut pending_comments);
        // Stages.
        if ins.keyword == Keyword::From {
            let words = ins.words(escape);
            let image = words.first().map(|w| w.value.clone()).unwrap_or_default();
            let name = if words.len() >= 3 && words[1].value.eq_ignore_ascii_case("as") {
                Some(words[2].value.to_ascii_lowercase())
            } else {
                None
            };
            if words.len() == 2
                || (words.len() > 1
                    && !(words.len() == 3 && words[1].value.eq_ignore_ascii_case("as")))
            {
                df.errors.push(ParseError {
                    line: span.start_line,
                    message: "FROM takes `image [AS name]`".into(),
                });
            }
            let index = df.stages.len();
            df.stages.push(Stage {
                index,
                image_expanded: expand(&image, &global_args, escape),
                image,
                name,
                platform: ins.flag("platform").and_then(|f| f.value.clone()),
                from: df.instructions.len(),
                span,
            });
        } else if ins.keyword == Keyword::Arg && df.stages.is_empty() {
            for kv in ins.key_values(escape) {
                global_args.insert(kv.key, kv.value.unwrap_or_default());
            }
        }
        ins.stage = df.stages.len().checked_sub(1);
        df.instructions.push(ins);
    }
    df
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` markers in a shell-form line, in order.
fn heredoc_markers(text: &str) -> Vec<(String, bool, bool)> {
    let b: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i + 1 < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if c == '\'' || c == '"' {
            quote = Some(c);
            i += 1;
            continue;
        }
        // `$(( a << b ))` is arithmetic, not a heredoc.
        if c == '$' && b.get(i + 1) == Some(&'(') && b.get(i + 2) == Some(&'(') {
            let mut j = i + 3;
            while j + 1 < b.len() && !(b[j] == ')' && b[j + 1] == ')') {
                j += 1;
            }
            i = j + 2;
            continue;
        }
        if c == '<' && b[i + 1] == '<' && (i == 0 || b[i - 1] != '<') && b.get(i + 2) != Some(&'<')
        {
            let mut j = i + 2;
            let strip = b.get(j) == Some(&'-');
            if strip {
                j += 1;
            }
            let q = match b.get(j) {
                Some('"') | Some('\'') => {
                    j += 1;
                    Some(b[j - 1])
                }
                _ => None,
            };
            let start = j;
            while j < b.len()
                && (b[j].is_ascii_alphanumeric() || b[j] == '_' || b[j] == '-' || b[j] == '.')
            {
                j += 1;
            }
            if j > start && b[start] != '-' {
                let name: String = b[start..j].iter().collect();
                if let Some(q) = q {
                    if b.get(j) == Some(&q) {
                        j += 1;
                    }
                }
                out.push((name, strip, q.is_some()));
            }
            i = j.max(i + 2);
            continue;
        }
        i += 1;
    }
    out
}

fn parse_instruction(text: &str, span: Span) -> (Instruction, Vec<ParseError>) {
    let mut errors = Vec::new();
    let (name, rest) = match text.find(char::is_whitespace) {
        Some(p) => (&text[..p], text[p..].trim_start()),
        None => (text, ""),
    };
    let keyword = Keyword::from_name(name);
    if let Keyword::Unknown(k) = &keyword {
        errors.push(ParseError {
            line: span.start_line,
            message: format!("unknown instruction `{k}`"),
        });
    }
    // Flags: leading `--name[=value]` words.
    let mut flags = Vec::new();
    let mut rest = rest;
    if !matches!(keyword, Keyword::Onbuild) {
        while let Some(after) = rest.strip_prefix("--") {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            let word = &after[..end];
            if word.is_empty() {
                break;
            }
            let (n, v) = match word.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(unquote(v))),
                None => (word.to_string(), None),
            };
            flags.push(Flag { name: n, value: v });
            rest = after[end..].trim_start();
        }
    }
    let mut onbuild = None;
    let args = if keyword == Keyword::Onbuild {
        if rest.is_empty() {
            errors.push(ParseError {
                line: span.start_line,
                message: "ONBUILD needs an instruction".into(),
            });
        } else {
            let (inner, errs) = parse_instruction(rest, span);
            errors.extend(errs);
            onbuild = Some(Box::new(inner));
        }
        Arguments::Shell(rest.to_string())
    } else if keyword.allows_exec_form() && rest.starts_with('[') {
        match serde_json::from_str::<Vec<String>>(rest) {
            Ok(v) => Arguments::Exec(v),
            Err(_) => {
                if keyword == Keyword::Shell {
                    errors.push(ParseError {
                        line: span.start_line,
                        message: "SHELL requires the arguments in JSON form".into(),
                    });
                }
                Arguments::Shell(rest.to_string())
            }
        }
    } else {
        if keyword == Keyword::Shell && !rest.is_empty() {
            errors.push(ParseError {
                line: span.start_line,
                message: "SHELL requires the arguments in JSON form".into(),
            });
        }
        Arguments::Shell(rest.to_string())
    };
    let needs_args = !matches!(
        keyword,
        Keyword::Unknown(_) | Keyword::Cmd | Keyword::Entrypoint | Keyword::Run
    );
    if needs_args && rest.is_empty() && keyword != Keyword::Onbuild {
        errors.push(ParseError {
            line: span.start_line,
            message: format!(
                "{} requires at least one argument",
                name.to_ascii_uppercase()
            ),
        });
    }
    (
        Instruction {
            keyword,
            name: name.to_string(),
            span,
            flags,
            args,
            heredocs: Vec::new(),
            onbuild,
            stage: None,
            comments_before: Vec::new(),
        },
        errors,
    )
}

fn unquote(v: &str) -> String {
    let b = v.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        v[1..v.len() - 1].to_string()
    } else {
        v.to_string()
    }
}

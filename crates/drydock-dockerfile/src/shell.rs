//! A small POSIX shell tokenizer for `RUN` lines: quotes, escapes, `&&`, `||`, `;`, `|`, `&`,
//! subshells, `$(…)` and backticks, redirections, comments, and leading `VAR=value`
//! assignments. It is not a shell: it gives rules every simple command with its arguments.

/// One shell word. `value` has quotes and backslashes removed; `$VAR` and `$(…)` are kept as
/// written, and `has_expansion` says whether there were any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub value: String,
    pub raw: String,
    pub has_expansion: bool,
}

/// How a command is joined to the one after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// `;`, `&`, a newline, or the end of the script.
    Sequence,
    And,
    Or,
    Pipe,
}

/// A simple command: its words (program first), and what links it to the next command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// `VAR=value` words before the program.
    pub assignments: Vec<Word>,
    pub args: Vec<Word>,
    pub next: Separator,
    /// The previous command pipes into this one.
    pub piped_from: bool,
    /// Found inside `$(…)` or backticks.
    pub in_substitution: bool,
}

impl Command {
    /// The program name as written (`/usr/bin/apt-get` stays as is; see [`Command::program`]).
    pub fn name(&self) -> &str {
        self.args.first().map(|w| w.value.as_str()).unwrap_or("")
    }

    /// The program's base name: `/usr/bin/pip3` → `pip3`.
    pub fn program(&self) -> &str {
        let n = self.name();
        n.rsplit('/').next().unwrap_or(n)
    }

    /// The argument values after the program.
    pub fn arg_values(&self) -> impl Iterator<Item = &str> {
        self.args.iter().skip(1).map(|w| w.value.as_str())
    }

    /// Does any argument equal one of `flags` (exact), or start with `flag=` for long ones?
    pub fn has_flag(&self, flags: &[&str]) -> bool {
        self.arg_values().any(|a| {
            flags.iter().any(|f| {
                a == *f
                    || (f.starts_with("--")
                        && a.starts_with(f)
                        && a.as_bytes().get(f.len()) == Some(&b'='))
            })
        })
    }

    /// Does a short-option cluster contain `c` (`-qy` has `y`)? Long options are not clusters.
    pub fn has_short(&self, c: char) -> bool {
        self.arg_values().any(|a| {
            a.starts_with('-') && !a.starts_with("--") && a.len() > 1 && a[1..].contains(c)
        })
    }

    /// The words that are not options (do not start with `-`), program excluded.
    pub fn positional(&self) -> Vec<&str> {
        self.arg_values().filter(|a| !a.starts_with('-')).collect()
    }

    /// The command with wrappers such as `sudo`, `env`, `nice`, `nohup`, `exec`, `time`,
    /// `command` stripped, so `sudo -E apt-get install` is seen as `apt-get install`.
    pub fn unwrapped(&self) -> Command {
        let mut c = self.clone();
        loop {
            let p = c.program().to_string();
            let skip = match p.as_str() {
                "sudo" | "doas" => {
                    // sudo's options; `-u user` and friends take a value.
                    let mut k = 1;
                    while k < c.args.len() && c.args[k].value.starts_with('-') {
                        let v = c.args[k].value.as_str();
                        k += 1;
                        if matches!(v, "-u" | "-g" | "-h" | "-p" | "-C" | "-U" | "-r" | "-t") {
                            k += 1;
                        }
                    }
                    k
                }
                "env" => {
                    let mut k = 1;
                    while k < c.args.len()
                        && (c.args[k].value.starts_with('-') || c.args[k].value.contains('='))
                    {
                        k += 1;
                    }
                    k
                }
                "nice" | "nohup" | "exec" | "time" | "command" | "stdbuf" | "chronic" => {
                    let mut k = 1;
                    while k < c.args.len() && c.args[k].value.starts_with('-') {
                        k += 1;
                    }
                    k
                }
                _ => 0,
            };
            if skip == 0 || skip >= c.args.len() {
                return c;
            }
            c.args.drain(..skip);
        }
    }
}

/// A tokenized script.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    pub commands: Vec<Command>,
}

impl Script {
    /// Any `|` pipe between commands.
    pub fn has_pipe(&self) -> bool {
        self.commands.iter().any(|c| c.next == Separator::Pipe)
    }

    /// Commands whose program (wrappers stripped) is one of `names`.
    pub fn find<'a>(&'a self, names: &'a [&'a str]) -> impl Iterator<Item = Command> + 'a {
        self.commands
            .iter()
            .map(Command::unwrapped)
            .filter(move |c| names.contains(&c.program()))
    }
}

#[derive(Debug, PartialEq)]
enum Tok {
    Word(Word),
    Op(&'static str),
}

const RESERVED_PREFIX: &[&str] = &[
    "if", "then", "else", "elif", "do", "while", "until", "!", "{", "}",
];
const RESERVED_END: &[&str] = &["fi", "done", "esac", "}"];

/// Tokenize `src` into simple commands.
pub fn parse_script(src: &str) -> Script {
    let mut script = Script::default();
    parse_into(src, false, 0, &mut script);
    script
}

fn parse_into(src: &str, in_subst: bool, depth: usize, script: &mut Script) {
    let mut substitutions = Vec::new();
    let toks = tokenize(src, &mut substitutions);
    let mut cur: Vec<Word> = Vec::new();
    let mut piped_from = false;
    let mut skip_until_sep = false;
    let mut redirect_target = false;
    let flush =
        |cur: &mut Vec<Word>, next: Separator, piped_from: &mut bool, script: &mut Script| {
            let mut words: Vec<Word> = std::mem::take(cur);
            while words
                .first()
                .is_some_and(|w| RESERVED_PREFIX.contains(&w.value.as_str()) && w.raw == w.value)
            {
                words.remove(0);
            }
            if words.len() == 1 && RESERVED_END.contains(&words[0].value.as_str()) {
                words.clear();
            }
            let split = words
                .iter()
                .position(|w| !is_assignment(&w.raw))
                .unwrap_or(words.len());
            let args = words.split_off(split);
            if args.is_empty() && words.is_empty() {
                if next == Separator::Pipe {
                    *piped_from = true;
                }
                return;
            }
            script.commands.push(Command {
                assignments: words,
                args,
                next,
                piped_from: *piped_from,
                in_substitution: in_subst,
            });
            *piped_from = next == Separator::Pipe;
        };
    for t in toks {
        match t {
            Tok::Word(w) => {
                if redirect_target {
                    redirect_target = false;
                    continue;
                }
                if skip_until_sep {
                    continue;
                }
                if cur.is_empty() && (w.value == "for" || w.value == "case") && w.raw == w.value {
                    skip_until_sep = true;
                    continue;
                }
                cur.push(w);
            }
            Tok::Op(op) => match op {
                "&&" => {
                    skip_until_sep = false;
                    flush(&mut cur, Separator::And, &mut piped_from, script)
                }
                "||" => {
                    skip_until_sep = false;
                    flush(&mut cur, Separator::Or, &mut piped_from, script)
                }
                "|" | "|&" => {
                    skip_until_sep = false;
                    flush(&mut cur, Separator::Pipe, &mut piped_from, script)
                }
                ";" | "&" | "\n" | ";;" | "(" | ")" => {
                    skip_until_sep = false;
                    flush(&mut cur, Separator::Sequence, &mut piped_from, script)
                }
                _ => redirect_target = !op.ends_with('&') || op == ">&" || op == "<&",
            },
        }
    }
    flush(&mut cur, Separator::Sequence, &mut piped_from, script);
    if depth < 8 {
        for s in substitutions {
            parse_into(&s, true, depth + 1, script);
        }
    }
}

fn is_assignment(raw: &str) -> bool {
    match raw.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && name
                    .chars()
                    .next()
                    .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
                && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
        }
        None => false,
    }
}

#[allow(unused_assignments)]
fn tokenize(src: &str, substitutions: &mut Vec<String>) -> Vec<Tok> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let mut value = String::new();
    let mut raw = String::new();
    let mut in_word = false;
    let mut has_exp = false;
    macro_rules! end_word {
        () => {
            if in_word {
                toks.push(Tok::Word(Word {
                    value: std::mem::take(&mut value),
                    raw: std::mem::take(&mut raw),
                    has_expansion: has_exp,
                }));
                in_word = false;
                has_exp = false;
            }
        };
    }
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\r' => {
                end_word!();
                i += 1;
            }
            '\n' => {
                end_word!();
                toks.push(Tok::Op("\n"));
                i += 1;
            }
            '#' if !in_word => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\\' => {
                if i + 1 < chars.len() {
                    if chars[i + 1] == '\n' {
                        i += 2;
                        continue;
                    }
                    in_word = true;
                    raw.push(c);
                    raw.push(chars[i + 1]);
                    value.push(chars[i + 1]);
                    i += 2;
                } else {
                    i += 1;
                }
            }
            '\'' => {
                in_word = true;
                raw.push(c);
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    raw.push(chars[i]);
                    value.push(chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    raw.push('\'');
                    i += 1;
                }
            }
            '"' => {
                in_word = true;
                raw.push(c);
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    let d = chars[i];
                    if d == '\\'
                        && i + 1 < chars.len()
                        && matches!(chars[i + 1], '"' | '\\' | '$' | '`' | '\n')
                    {
                        raw.push(d);
                        raw.push(chars[i + 1]);
                        if chars[i + 1] != '\n' {
                            value.push(chars[i + 1]);
                        }
                        i += 2;
                        continue;
                    }
                    if d == '$' || d == '`' {
                        has_exp = true;
                        let (text, inner, next) = read_expansion(&chars, i);
                        if let Some(s) = inner {
                            substitutions.push(s);
                        }
                        raw.push_str(&text);
                        value.push_str(&text);
                        i = next;
                        continue;
                    }
                    raw.push(d);
                    value.push(d);
                    i += 1;
                }
                if i < chars.len() {
                    raw.push('"');
                    i += 1;
                }
            }
            '$' | '`' => {
                in_word = true;
                has_exp = true;
                let (text, inner, next) = read_expansion(&chars, i);
                if let Some(s) = inner {
                    substitutions.push(s);
                }
                raw.push_str(&text);
                value.push_str(&text);
                i = next;
            }
            '<' | '>' if chars.get(i + 1) == Some(&'(') => {
                // Process substitution `<(cmd)` / `>(cmd)`: a word whose inner script runs.
                in_word = true;
                has_exp = true;
                let (text, _, next) = read_expansion(&chars, i);
                let inner: String = text
                    .chars()
                    .skip(2)
                    .take(text.chars().count().saturating_sub(3))
                    .collect();
                substitutions.push(inner);
                raw.push(c);
                raw.push_str(&text[1..]);
                value.push(c);
                value.push_str(&text[1..]);
                i = next;
            }
            '&' | '|' | ';' | '(' | ')' | '<' | '>' => {
                // `2>` / `2>&1`: a word made only of digits right before a redirection is its fd.
                if (c == '<' || c == '>') && in_word && raw.chars().all(|d| d.is_ascii_digit()) {
                    value.clear();
                    raw.clear();
                    in_word = false;
                }
                end_word!();
                let two: String = chars[i..chars.len().min(i + 3)].iter().collect();
                let op: &'static str = if two.starts_with("<<<") {
                    "<<<"
                } else if two.starts_with("&&") {
                    "&&"
                } else if two.starts_with("||") {
                    "||"
                } else if two.starts_with("|&") {
                    "|&"
                } else if two.starts_with(";;") {
                    ";;"
                } else if two.starts_with(">>") {
                    ">>"
                } else if two.starts_with(">&") {
                    ">&"
                } else if two.starts_with("&>") {
                    "&>"
                } else if two.starts_with("<<") {
                    "<<"
                } else if two.starts_with("<&") {
                    "<&"
                } else {
                    match c {
                        '&' => "&",
                        '|' => "|",
                        ';' => ";",
                        '(' => "(",
                        ')' => ")",
                        '<' => "<",
                        _ => ">",
                    }
                };
                i += op.len();
                if op == "&>" && chars.get(i) == Some(&'>') {
                    i += 1;
                }
                toks.push(Tok::Op(op));
            }
            _ => {
                in_word = true;
                raw.push(c);
                value.push(c);
                i += 1;
            }
        }
    }
    end_word!();
    // `>&1`, `>&2` and `2>&1` have a numeric target word that the redirection consumes.
    toks
}

/// Read `$VAR`, `${…}`, `$(…)`, `$((…))` or a backtick substitution starting at `i`.
/// Returns the text, the inner script of a command substitution, and the next index.
fn read_expansion(chars: &[char], i: usize) -> (String, Option<String>, usize) {
    let c = chars[i];
    if c == '`' {
        let mut j = i + 1;
        while j < chars.len() && chars[j] != '`' {
            if chars[j] == '\\' {
                j += 1;
            }
            j += 1;
        }
        let end = j.min(chars.len());
        let inner: String = chars[i + 1..end].iter().collect();
        let next = (end + 1).min(chars.len());
        return (chars[i..next].iter().collect(), Some(inner), next);
    }
    match chars.get(i + 1) {
        Some('(') | Some('{') => {
            // (`$(`, `${`, and process substitution `<(` / `>(` share the bracket matching.)
            let open = chars[i + 1];
            let close = if open == '(' { ')' } else { '}' };
            let mut depth = 0usize;
            let mut j = i + 1;
            let mut quote: Option<char> = None;
            while j < chars.len() {
                let d = chars[j];
                if let Some(q) = quote {
                    if d == q {
                        quote = None;
                    } else if d == '\\' && q == '"' {
                        j += 1;
                    }
                } else if d == '\'' || d == '"' {
                    quote = Some(d);
                } else if d == '\\' {
                    j += 1;
                } else if d == open {
                    depth += 1;
                } else if d == close {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            let end = j.min(chars.len());
            let next = (end + 1).min(chars.len());
            let text: String = chars[i..next].iter().collect();
            let inner = if open == '(' && chars.get(i + 2) != Some(&'(') {
                Some(chars[(i + 2).min(end)..end].iter().collect())
            } else {
                None
            };
            (text, inner, next)
        }
        Some(d)
            if d.is_ascii_alphanumeric()
                || matches!(d, '_' | '@' | '*' | '#' | '?' | '$' | '!' | '-') =>
        {
            let mut j = i + 1;
            if d.is_ascii_alphabetic() || *d == '_' {
                while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '_') {
                    j += 1;
                }
            } else {
                j += 1;
            }
            (chars[i..j].iter().collect(), None, j)
        }
        _ => ("$".to_string(), None, i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmds(s: &str) -> Vec<Vec<String>> {
        parse_script(s)
            .commands
            .iter()
            .map(|c| c.args.iter().map(|w| w.value.clone()).collect())
            .collect()
    }

    #[test]
    fn splits_on_operators() {
        assert_eq!(
            cmds("apt-get update && apt-get install -y curl; rm -rf /var/lib/apt/lists/* || true"),
            vec![
                vec!["apt-get", "update"],
                vec!["apt-get", "install", "-y", "curl"],
                vec!["rm", "-rf", "/var/lib/apt/lists/*"],
                vec!["true"],
            ]
        );
    }

    #[test]
    fn quotes_pipes_and_substitutions() {
        let s = parse_script(
            r#"curl -fsSL "https://x/y z" | sh -s -- -b 'a b'; V=$(wget -qO- x) echo "$V""#,
        );
        assert!(s.has_pipe());
        assert_eq!(s.commands[0].args[2].value, "https://x/y z");
        assert!(s.commands[1].piped_from);
        assert_eq!(s.commands[1].args[4].value, "a b");
        assert_eq!(s.commands[2].assignments.len(), 1);
        assert_eq!(s.commands[2].name(), "echo");
        assert!(s
            .commands
            .iter()
            .any(|c| c.in_substitution && c.name() == "wget"));
    }

    #[test]
    fn redirections_and_control_words() {
        assert_eq!(
            cmds("if [ -f x ]; then cd /tmp > /dev/null 2>&1; fi\nfor f in a b; do rm $f; done"),
            vec![
                vec!["[", "-f", "x", "]"],
                vec!["cd", "/tmp"],
                vec!["rm", "$f"]
            ]
        );
    }

    #[test]
    fn unwraps_sudo_and_env() {
        let s = parse_script("sudo -E -u root env A=1 apt-get install -y x");
        let c = s.commands[0].unwrapped();
        assert_eq!(c.program(), "apt-get");
        assert!(c.has_short('y'));
    }

    #[test]
    fn process_substitution_is_a_word_with_an_inner_script() {
        let s = parse_script("bash <(curl -fsSL https://x/install.sh) --flag");
        assert_eq!(s.commands[0].name(), "bash");
        assert_eq!(s.commands[0].args.len(), 3);
        assert!(s
            .commands
            .iter()
            .any(|c| c.in_substitution && c.name() == "curl"));
    }

    #[test]
    fn never_panics_on_garbage() {
        for s in [
            "$(", "`", "\"", "'", "${", "$((1+", "a |", "&& ||", "\\", "<<<", "2>",
        ] {
            let _ = parse_script(s);
        }
    }
}

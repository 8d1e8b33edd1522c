//! `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`
//! substitution as the Dockerfile frontend does it for ARG/ENV values in FROM, COPY, ENV …

use std::collections::HashMap;

/// Variables in scope: name → value.
pub type Env = HashMap<String, String>;

/// Expand variables in `s` using `env`. Unknown variables expand to the empty string, as in
/// BuildKit; text inside single quotes is left alone.
pub fn expand(s: &str, env: &Env, escape: char) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut in_single = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            in_single = !in_single;
            out.push(c);
            i += 1;
            continue;
        }
        if c == escape && i + 1 < chars.len() && chars[i + 1] == '$' {
            out.push('$');
            i += 2;
            continue;
        }
        if c != '$' || in_single || i + 1 >= chars.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let n = chars[i + 1];
        if n == '{' {
            // Find the matching brace (nesting allowed in the default part).
            let mut depth = 0usize;
            let mut j = i + 1;
            let mut end = None;
            while j < chars.len() {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(j);
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            let Some(end) = end else {
                out.extend(&chars[i..]);
                break;
            };
            let inner: String = chars[i + 2..end].iter().collect();
            out.push_str(&expand_braced(&inner, env, escape));
            i = end + 1;
        } else if n == '_' || n.is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() && (chars[j] == '_' || chars[j].is_ascii_alphanumeric()) {
                j += 1;
            }
            let name: String = chars[i + 1..j].iter().collect();
            if let Some(v) = env.get(&name) {
                out.push_str(v);
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn expand_braced(inner: &str, env: &Env, escape: char) -> String {
    let name_end = inner
        .char_indices()
        .find(|(_, c)| !(*c == '_' || c.is_ascii_alphanumeric()))
        .map(|(i, _)| i)
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    let rest = &inner[name_end..];
    let val = env.get(name);
    let (colon, op_rest) = match rest.strip_prefix(':') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let set = |v: Option<&String>| {
        if colon {
            v.is_some_and(|v| !v.is_empty())
        } else {
            v.is_some()
        }
    };
    if let Some(word) = op_rest.strip_prefix('-') {
        if set(val) {
            val.cloned().unwrap_or_default()
        } else {
            expand(word, env, escape)
        }
    } else if let Some(word) = op_rest.strip_prefix('+') {
        if set(val) {
            expand(word, env, escape)
        } else {
            String::new()
        }
    } else if let Some(_msg) = op_rest.strip_prefix('?') {
        val.cloned().unwrap_or_default()
    } else {
        val.cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn forms() {
        let mut env = Env::new();
        env.insert("A".into(), "1".into());
        env.insert("E".into(), "".into());
        let x = |s: &str| expand(s, &env, '\\');
        assert_eq!(
            x("$A ${A} ${B:-d} ${E:-d} ${E-d} ${A:+alt} ${B:+alt}"),
            "1 1 d d  alt "
        );
        assert_eq!(x("'$A' \\$A $"), "'$A' $A $");
        assert_eq!(x("${B:-${A}x}"), "1x");
        assert_eq!(x("${unterminated"), "${unterminated");
    }
}

//! Dockerfile word splitting (for ENV, ARG, LABEL, EXPOSE, COPY …): whitespace separates words,
//! single and double quotes group them, the escape character escapes the next character.

/// One word: `value` has quotes and escapes removed; `raw` is the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub value: String,
    pub raw: String,
}

/// Split `s` into words the way the Dockerfile frontend does for non-shell instructions.
pub fn split_words(s: &str, escape: char) -> Vec<Word> {
    let mut out = Vec::new();
    let mut value = String::new();
    let mut raw = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                raw.push(c);
                if c == q {
                    quote = None;
                } else if c == escape && q == '"' {
                    if let Some(&n) = chars.peek() {
                        chars.next();
                        raw.push(n);
                        if n != '"' && n != escape && n != '$' {
                            value.push(c);
                        }
                        value.push(n);
                    } else {
                        value.push(c);
                    }
                } else {
                    value.push(c);
                }
            }
            None => {
                if c.is_whitespace() {
                    if in_word {
                        out.push(Word {
                            value: std::mem::take(&mut value),
                            raw: std::mem::take(&mut raw),
                        });
                        in_word = false;
                    }
                    continue;
                }
                in_word = true;
                raw.push(c);
                if c == '\'' || c == '"' {
                    quote = Some(c);
                } else if c == escape {
                    if let Some(n) = chars.next() {
                        raw.push(n);
                        value.push(n);
                    } else {
                        value.push(c);
                    }
                } else {
                    value.push(c);
                }
            }
        }
    }
    if in_word {
        out.push(Word { value, raw });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    fn v(s: &str) -> Vec<String> {
        split_words(s, '\\').into_iter().map(|w| w.value).collect()
    }
    #[test]
    fn quotes_and_escapes() {
        assert_eq!(v(r#"a "b c" 'd e' f\ g"#), ["a", "b c", "d e", "f g"]);
        assert_eq!(v(r#"KEY="a \"q\" b""#), [r#"KEY=a "q" b"#]);
        assert_eq!(v("   "), Vec::<String>::new());
        assert_eq!(v("unterminated \"quote"), ["unterminated", "quote"]);
    }
}

//! A Dockerfile parser that follows BuildKit's (`moby/buildkit` `frontend/dockerfile/parser`)
//! behaviour: parser directives, the escape character, continuations with comments and blank
//! lines inside them, heredocs, exec vs shell form, instruction flags, build stages, `ONBUILD`,
//! and `ARG`/`ENV` substitution. Every instruction keeps its [`Span`].
//!
//! Parsing never fails as a whole: problems become [`ParseError`]s with a line, and the rest of
//! the file is still returned, so one bad line does not hide the findings on the others.
//!
//! [`shell`] holds the small POSIX shell tokenizer the lint rules use to see each command of a
//! `RUN` with its arguments.

mod parse;
pub mod shell;
mod subst;
mod words;

pub use parse::{
    parse, Arguments, Comment, Directives, Dockerfile, Flag, Heredoc, Instruction, KeyValue,
    Keyword, ParseError, Span, Stage,
};
pub use subst::{expand, Env};
pub use words::split_words;

//! Parser behaviour, checked against what `docker build` (BuildKit) accepts.
use drydock_dockerfile::shell::parse_script;
use drydock_dockerfile::{parse, Arguments, Keyword};
use proptest::prelude::*;

#[test]
fn directives_only_at_the_top() {
    let df = parse("# syntax=docker/dockerfile:1.7\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM alpine\n");
    assert_eq!(
        df.directives.syntax.as_deref(),
        Some("docker/dockerfile:1.7")
    );
    assert_eq!(df.directives.escape, '`');
    assert_eq!(
        df.directives.check.as_deref(),
        Some("skip=JSONArgsRecommended")
    );
    // After a comment, a directive-looking line is just a comment.
    let df = parse("# hello\n# escape=`\nFROM alpine\n");
    assert_eq!(df.directives.escape, '\\');
    // After a blank line too.
    let df = parse("\n# escape=`\nFROM alpine\n");
    assert_eq!(df.directives.escape, '\\');
}

#[test]
fn continuations_skip_comments_and_blank_lines() {
    let src = "FROM debian:12\nRUN apt-get update && \\\n    # a comment inside\n\n    apt-get install -y \\\n      curl\nUSER app\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let run = &df.instructions[1];
    assert_eq!(run.keyword, Keyword::Run);
    assert_eq!((run.span.start_line, run.span.end_line), (2, 6));
    assert_eq!(
        run.text(),
        "apt-get update &&     apt-get install -y       curl"
    );
    assert_eq!(df.instructions[2].span.start_line, 7);
}

#[test]
fn backtick_escape_for_windows() {
    let src = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n    && echo done\nWORKDIR C:\\app\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(df.instructions[1].text(), "dir C:\\     && echo done");
    assert_eq!(df.instructions[2].text(), "C:\\app");
}

#[test]
fn exec_and_shell_forms() {
    let df = parse("FROM a\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT /bin/run --x\nRUN [\"bad json\"\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n");
    assert_eq!(
        df.instructions[1].args,
        Arguments::Exec(vec!["nginx".into(), "-g".into(), "daemon off;".into()])
    );
    assert_eq!(
        df.instructions[2].args,
        Arguments::Shell("/bin/run --x".into())
    );
    // Invalid JSON falls back to shell form, as BuildKit does for RUN.
    assert!(matches!(df.instructions[3].args, Arguments::Shell(_)));
    assert!(df.instructions[4].is_exec_form());
}

#[test]
fn flags_are_parsed_for_every_instruction() {
    let df = parse("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=tok --network=none go build\nCOPY --from=build --chown=1000:1000 --chmod=755 --link /out /app\nADD --checksum=sha256:abc https://x/y.tgz /tmp/\n");
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(df.stages[0].platform.as_deref(), Some("$BUILDPLATFORM"));
    assert_eq!(df.stages[0].name.as_deref(), Some("build"));
    let run = &df.instructions[1];
    assert_eq!(run.flag_values("mount").count(), 2);
    assert_eq!(run.flag("network").unwrap().value.as_deref(), Some("none"));
    assert_eq!(run.text(), "go build");
    let copy = &df.instructions[2];
    assert!(copy.flag("link").unwrap().value.is_none());
    assert_eq!(copy.flag("from").unwrap().value.as_deref(), Some("build"));
    assert_eq!(copy.text(), "/out /app");
}

#[test]
fn heredocs_single_multiple_and_dash() {
    let src = "# syntax=docker/dockerfile:1\nFROM alpine\nRUN <<EOF\napk add --no-cache curl\necho done\nEOF\nCOPY <<one.txt <<\"two.txt\" /dst/\nfirst\none.txt\nsecond $NOT_EXPANDED\ntwo.txt\nRUN <<-EOT bash\n\tset -e\n\techo hi\n\tEOT\nUSER 1000\n";
    let df = parse(src);
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    let run = &df.instructions[1];
    assert_eq!(run.heredocs.len(), 1);
    assert_eq!(run.heredocs[0].body, "apk add --no-cache curl\necho done\n");
    assert_eq!((run.span.start_line, run.span.end_line), (3, 6));
    let script = run.shell_script().unwrap();
    assert!(parse_script(&script)
        .commands
        .iter()
        .any(|c| c.name() == "apk"));
    let copy = &df.instructions[2];
    assert_eq!(copy.heredocs.len(), 2);
    assert_eq!(copy.heredocs[1].name, "two.txt");
    assert!(copy.heredocs[1].quoted);
    let dash = &df.instructions[3];
    assert!(dash.heredocs[0].strip_tabs);
    assert_eq!(dash.heredocs[0].body, "set -e\necho hi\n");
    assert_eq!(df.instructions[4].keyword, Keyword::User);
    assert_eq!(df.instructions[4].span.start_line, 16);
}

#[test]
fn unterminated_heredoc_is_an_error_not_a_panic() {
    let df = parse("FROM alpine\nRUN <<EOF\necho never closed\n");
    assert_eq!(df.errors.len(), 1);
    assert!(df.errors[0].message.contains("never terminated"));
}

#[test]
fn here_strings_and_shifts_are_not_heredocs() {
    let df = parse("FROM alpine\nRUN cat <<< \"x\" && echo $((1<<2))\nUSER 1\n");
    assert!(df.instructions[1].heredocs.is_empty());
    assert_eq!(df.instructions.len(), 3);
}

#[test]
fn env_arg_label_key_values() {
    let df = parse("FROM a\nENV A=1 B=\"two words\" C=three\\ words\nENV LEGACY value with spaces\nARG VERSION=1.0 NOVALUE\nLABEL org.opencontainers.image.title=\"x y\"\n");
    let kv = |i: usize| -> Vec<(String, Option<String>)> {
        df.instructions[i]
            .key_values('\\')
            .into_iter()
            .map(|k| (k.key, k.value))
            .collect()
    };
    assert_eq!(
        kv(1),
        vec![
            ("A".into(), Some("1".into())),
            ("B".into(), Some("two words".into())),
            ("C".into(), Some("three words".into()))
        ]
    );
    assert_eq!(
        kv(2),
        vec![("LEGACY".into(), Some("value with spaces".into()))]
    );
    assert_eq!(
        kv(3),
        vec![
            ("VERSION".into(), Some("1.0".into())),
            ("NOVALUE".into(), None)
        ]
    );
    assert_eq!(kv(4)[0].1.as_deref(), Some("x y"));
}

#[test]
fn stages_and_global_args() {
    let df = parse("ARG BASE=node\nARG TAG\nFROM ${BASE}:${TAG:-20-alpine} AS Deps\nFROM deps AS final\nFROM scratch\n");
    assert_eq!(df.stages.len(), 3);
    assert_eq!(df.stages[0].image_expanded, "node:20-alpine");
    assert_eq!(df.stages[0].name.as_deref(), Some("deps"));
    assert_eq!(df.stage_by_ref("DEPS").unwrap().index, 0);
    assert_eq!(df.stage_by_ref("1").unwrap().index, 1);
    assert_eq!(df.instructions[0].stage, None);
    assert_eq!(df.instructions[4].stage, Some(2));
    assert_eq!(df.final_stage().unwrap().image, "scratch");
}

#[test]
fn onbuild_wraps_an_instruction() {
    let df = parse("FROM a\nONBUILD RUN apt-get install -y x\nONBUILD COPY . /app\n");
    let inner = df.instructions[1].onbuild.as_ref().unwrap();
    assert_eq!(inner.keyword, Keyword::Run);
    assert_eq!(inner.text(), "apt-get install -y x");
    assert_eq!(
        df.instructions[2].onbuild.as_ref().unwrap().keyword,
        Keyword::Copy
    );
}

#[test]
fn errors_name_their_line_and_parsing_goes_on() {
    let df = parse("FROM a\nFORM b\nEXPOSE\nRUN echo ok\nFROM a b c\nSHELL /bin/sh -c\n");
    let lines: Vec<u32> = df.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3, 5, 6]);
    assert_eq!(df.instructions.len(), 6);
}

#[test]
fn crlf_bom_tabs_and_no_trailing_newline() {
    let df = parse("\u{feff}FROM alpine:3.20\r\nRUN\techo a \\\r\n\t&& echo b\r\nCMD [\"sh\"]");
    assert!(df.errors.is_empty(), "{:?}", df.errors);
    assert_eq!(df.instructions.len(), 3);
    assert_eq!(df.instructions[1].text(), "echo a \t&& echo b");
    assert_eq!(df.instructions[2].span.start_line, 4);
}

#[test]
fn continuation_at_end_of_file() {
    let df = parse("FROM a\nRUN echo \\");
    assert_eq!(df.instructions.len(), 2);
    assert_eq!(df.instructions[1].text(), "echo");
}

#[test]
fn spans_columns_are_one_based() {
    let df = parse("FROM a\n  RUN echo hi\n");
    let s = df.instructions[1].span;
    assert_eq!(
        (s.start_line, s.start_column, s.end_line, s.end_column),
        (2, 3, 2, 13)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// The parser and the shell tokenizer never panic, whatever the input.
    #[test]
    fn never_panics(src in "(?s).{0,400}") {
        let df = parse(&src);
        for ins in &df.instructions {
            if let Some(s) = ins.shell_script() {
                let _ = parse_script(&s);
            }
            let _ = ins.key_values(df.directives.escape);
            let _ = ins.words(df.directives.escape);
        }
    }

    /// Dockerfile-shaped noise: keywords, quotes, escapes, heredoc markers, newlines.
    #[test]
    fn never_panics_on_dockerfile_like_input(parts in proptest::collection::vec(prop_oneof![
        Just("FROM "), Just("RUN "), Just("COPY "), Just("ONBUILD "), Just("<<EOF"), Just("<<-'X'"), Just("EOF"),
        Just("\\\n"), Just("`\n"), Just("# escape=`\n"), Just("\n"), Just("\""), Just("'"), Just("$("), Just("${A:-"),
        Just("}"), Just(")"), Just("["), Just("]"), Just("&&"), Just("|"), Just("--mount=type=cache"), Just("é"), Just("\t"), Just("\r\n"),
    ], 0..60)) {
        let src: String = parts.concat();
        let df = parse(&src);
        for ins in &df.instructions {
            if let Some(s) = ins.shell_script() {
                let _ = parse_script(&s);
            }
        }
        // Spans stay within the file.
        let lines = src.split('\n').count() as u32;
        for ins in &df.instructions {
            prop_assert!(ins.span.start_line >= 1 && ins.span.end_line <= lines.max(1));
            prop_assert!(ins.span.start_line <= ins.span.end_line);
        }
    }
}

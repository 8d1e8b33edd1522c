//! The Dockerfile parser and the shell tokenizer on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let df = drydock_dockerfile::parse(&src);
    for ins in &df.instructions {
        if let Some(s) = ins.shell_script() {
            let _ = drydock_dockerfile::shell::parse_script(&s);
        }
        let _ = ins.key_values(df.directives.escape);
    }
});

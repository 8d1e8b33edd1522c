//! Every Dockerfile rule on arbitrary input: rules must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let mut config = drydock_lint::Config::new();
    config.enabled.push("all".into());
    config.trusted_registries.push("docker.io".into());
    let _ = drydock_lint::lint_source(drydock_lint::FileKind::Dockerfile, "Dockerfile", "Dockerfile", &src, &config);
});

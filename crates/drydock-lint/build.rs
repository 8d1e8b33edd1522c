//! Registers every rule file: each `src/rules/<kind>/<name>.rs` defines `pub(crate) static RULE`.
//! Adding a rule is adding a file; no list to edit.
use std::fmt::Write;
use std::path::Path;

fn main() {
    // Read at run time, not with env!(): a build script compiled in another checkout and
    // copied along with target/ must still list this checkout's rules.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("src/rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::new();
    let mut all = Vec::new();
    let mut kinds: Vec<_> = std::fs::read_dir(&root)
        .expect("src/rules exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    kinds.sort_by_key(|e| e.file_name());
    for kind in kinds {
        let kind_name = kind.file_name().to_string_lossy().to_string();
        println!("cargo:rerun-if-changed={}", kind.path().display());
        let mut files: Vec<_> = std::fs::read_dir(kind.path())
            .expect("readable rules dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        files.sort();
        writeln!(out, "pub(crate) mod {kind_name} {{").unwrap();
        for f in files {
            let stem = f.file_stem().unwrap().to_string_lossy().to_string();
            writeln!(
                out,
                "    #[path = {:?}]\n    pub(crate) mod {stem};",
                f.display().to_string()
            )
            .unwrap();
            all.push(format!("&{kind_name}::{stem}::RULE"));
        }
        writeln!(out, "}}").unwrap();
    }
    writeln!(
        out,
        "pub(crate) static ALL_RULES: &[&crate::rule::Rule] = &[{}];",
        all.join(", ")
    )
    .unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules_registry.rs");
    std::fs::write(dest, out).unwrap();
}

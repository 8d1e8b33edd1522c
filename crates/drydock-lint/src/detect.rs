//! What kind of configuration file a path is. Adding a file type is adding a variant and a
//! line to [`detect`].
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Dockerfile,
}

impl FileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Dockerfile => "dockerfile",
        }
    }
}

/// Decide from the file name: `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*`,
/// `*.dockerfile`, `Containerfile.*` (case-insensitive).
pub fn detect(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let dockerfile = name == "dockerfile"
        || name == "containerfile"
        || name.ends_with(".dockerfile")
        || name.ends_with(".containerfile")
        || (name.starts_with("dockerfile.") && !name.ends_with(".dockerignore"))
        || name.starts_with("containerfile.")
        || name.starts_with("dockerfile-")
        || name.starts_with("dockerfile_");
    if dockerfile {
        return Some(FileKind::Dockerfile);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dockerfile_names() {
        for n in [
            "Dockerfile",
            "Containerfile",
            "api.Dockerfile",
            "Dockerfile.prod",
            "x.dockerfile",
            "dir/DOCKERFILE",
        ] {
            assert_eq!(detect(Path::new(n)), Some(FileKind::Dockerfile), "{n}");
        }
        for n in [
            "Dockerfile.dockerignore",
            "README.md",
            "dockerfile.rs.txt.md-not",
        ] {
            let _ = detect(Path::new(n));
        }
        assert_eq!(detect(Path::new("main.rs")), None);
    }
}

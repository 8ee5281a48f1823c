//! # Module ids
//!
//! The registry keys each module's handlers by an id computed lexically from
//! the file name, never through the file system, so that it is the same on
//! every machine and in every host (BEHAVIOR.md section 5).
//!
//! ```text
//! root /repo, file /repo/src/App.tsx           → src/App.tsx
//! root C:\repo, file C:\repo\src\App.tsx?v=3   → src/App.tsx
//! root /repo, file /elsewhere/App.tsx          → error: outside root
//! file \0virtual:x, virtual:x                  → error: a virtual module
//! ```
//!
//! ## Implementation
//!
//! `\` becomes `/`, a `?query` or `#hash` is dropped, both paths are made
//! absolute against the working directory (when relative) and normalised
//! lexically (`.` and `..` components), and the file must lie under the root
//! component by component. The result is NFC-normalised, so a name typed
//! on macOS (NFD) and on Linux gives one id.

use unicode_normalization::UnicodeNormalization;

/// The id of `filename` relative to `root` (default: `cwd`). Relative paths
/// are taken from `cwd`; without one, a relative file name is relative to
/// the root.
pub fn module_id(
    filename: Option<&str>,
    root: Option<&str>,
    cwd: Option<&str>,
) -> Result<String, String> {
    let filename = filename.filter(|f| !f.is_empty() && *f != "<anon>" && *f != "<stdin>");
    let Some(filename) = filename else {
        return Err("the file has no name".into());
    };
    if filename.contains('\0') || filename.starts_with("virtual:") {
        return Err(format!(
            "`{}` is a virtual module",
            filename.replace('\0', "\\0")
        ));
    }
    let clean = |path: &str| path.replace('\\', "/");
    let file = clean(filename);
    let file = match file.find(['?', '#']) {
        Some(at) => file[..at].to_string(),
        None => file,
    };
    let cwd = cwd.map(clean);
    let root = root.map(clean).or_else(|| cwd.clone()).unwrap_or_default();
    let absolute = |path: &str| match &cwd {
        Some(cwd) if !is_absolute(path) => format!("{cwd}/{path}"),
        _ => path.to_string(),
    };
    let root_path = absolute(&root);
    let file_path = match &cwd {
        None if !is_absolute(&file) => format!("{root_path}/{file}"),
        _ => absolute(&file),
    };
    let file_parts = components(&file_path);
    let root_parts = components(&root_path);
    let (Some(file_parts), Some(root_parts)) = (file_parts, root_parts) else {
        return Err(format!("`{filename}` climbs above the file system's root"));
    };
    let inside = file_parts.len() > root_parts.len()
        && file_parts
            .iter()
            .zip(&root_parts)
            .all(|(f, r)| same_component(f, r));
    if !inside {
        return Err(format!("`{filename}` is outside the root `{root}`"));
    }
    Ok(file_parts[root_parts.len()..].join("/").nfc().collect())
}

fn is_absolute(path: &str) -> bool {
    path.starts_with('/') || path.as_bytes().get(1) == Some(&b':')
}

/// The normalised components (`None` when `..` climbs above the start).
fn components(path: &str) -> Option<Vec<&str>> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts)
}

/// Components are compared as written, except a drive letter (`C:`).
fn same_component(a: &str, b: &str) -> bool {
    let drive = |s: &str| s.len() == 2 && s.ends_with(':');
    if drive(a) && drive(b) {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

#[cfg(test)]
mod tests {
    use super::module_id;

    fn id(file: &str, root: Option<&str>, cwd: Option<&str>) -> Result<String, String> {
        module_id(Some(file), root, cwd)
    }

    #[test]
    fn relative_to_the_root_or_the_working_directory() {
        assert_eq!(
            id("/repo/src/App.tsx", Some("/repo"), None).unwrap(),
            "src/App.tsx"
        );
        assert_eq!(
            id("/repo/src/App.tsx", None, Some("/repo")).unwrap(),
            "src/App.tsx"
        );
        assert_eq!(
            id("src/App.tsx", None, Some("/repo")).unwrap(),
            "src/App.tsx"
        );
        assert_eq!(
            id("./src/../src/App.tsx", Some("."), Some("/repo")).unwrap(),
            "src/App.tsx"
        );
        assert_eq!(
            id("/repo/src/App.tsx", Some("/repo/"), None).unwrap(),
            "src/App.tsx"
        );
    }

    #[test]
    fn without_a_working_directory_relative_names_are_under_the_root() {
        assert_eq!(
            id("src/App.tsx", Some("/repo"), None).unwrap(),
            "src/App.tsx"
        );
        assert_eq!(
            id("/repo/src/App.tsx", Some("/repo"), None).unwrap(),
            "src/App.tsx"
        );
        assert!(id("../App.tsx", Some("/repo"), None).is_err());
    }

    #[test]
    fn windows_paths_queries_and_hashes() {
        assert_eq!(
            id("C:\\repo\\src\\App.tsx?v=3", Some("c:\\repo"), None).unwrap(),
            "src/App.tsx"
        );
        assert_eq!(
            id("/repo/App.tsx#x", Some("/repo"), None).unwrap(),
            "App.tsx"
        );
    }

    #[test]
    fn nfc_normalised() {
        let nfd = "/repo/Cafe\u{301}.tsx";
        assert_eq!(id(nfd, Some("/repo"), None).unwrap(), "Caf\u{e9}.tsx");
    }

    #[test]
    fn outside_the_root_virtual_or_nameless_are_errors() {
        assert!(id("/elsewhere/App.tsx", Some("/repo"), None)
            .unwrap_err()
            .contains("outside"));
        assert!(id("/repository/App.tsx", Some("/repo"), None).is_err());
        assert!(id("/repo", Some("/repo"), None).is_err());
        assert!(id("/repo/../x.tsx", Some("/repo"), None).is_err());
        assert!(id("\0virtual:x", Some("/"), None)
            .unwrap_err()
            .contains("virtual"));
        assert!(module_id(None, Some("/repo"), None).is_err());
        assert!(module_id(Some(""), Some("/repo"), None).is_err());
    }
}

//! Which files a run covers: explicit files as given, directories walked
//! with `.gitignore`, `.ignore` and hidden-file rules (the `ignore` crate),
//! filtered by extension. Symbolic links met in a walk are skipped, so a link
//! loop cannot trap the walk and a write never lands outside the tree; a link
//! named on the command line is the user's choice and is processed (`--write`
//! writes its target, see `write.rs`).

use std::path::{Path, PathBuf};

/// A file to process, or a problem found while looking for files.
#[derive(Debug)]
pub enum Found {
    File(PathBuf),
    Error { path: PathBuf, message: String },
}

/// Expands `paths` into files, in a stable order.
pub fn discover(paths: &[PathBuf], extensions: &[String]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, extensions, &mut found);
        } else if path.exists() || path.is_symlink() {
            found.push(Found::File(path.clone()));
        } else {
            found.push(Found::Error {
                path: path.clone(),
                message: "no such file or directory".into(),
            });
        }
    }
    found
}

fn walk(root: &Path, extensions: &[String], found: &mut Vec<Found>) {
    let mut entries = Vec::new();
    for entry in ignore::WalkBuilder::new(root).follow_links(false).build() {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && has_extension(entry.path(), extensions) {
                    entries.push(Found::File(entry.into_path()));
                }
            }
            Err(error) => entries.push(Found::Error {
                path: error_path(&error).unwrap_or_else(|| root.to_path_buf()),
                message: error.to_string(),
            }),
        }
    }
    entries.sort_by(|a, b| sort_key(a).cmp(sort_key(b)));
    found.extend(entries);
}

fn sort_key(found: &Found) -> &Path {
    match found {
        Found::File(path) | Found::Error { path, .. } => path,
    }
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| {
            extensions
                .iter()
                .any(|wanted| wanted.eq_ignore_ascii_case(ext))
        })
}

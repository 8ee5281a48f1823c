//! `--manifest FILE`: every handler of the run in one JSON document.
//!
//! ```json
//! { "version": 1,
//!   "files": [ { "file": "src/App.tsx", "handlers": [ { "id": "src/App.tsx#_App_button_onClick", ... } ] } ] }
//! ```
//!
//! Files are sorted by module id, handlers by position, so the document is
//! the same on every run over the same tree (workers finish in any order).

use handler_closures::manifest::HandlerEntry;
use serde::Serialize;

use crate::process::FileReport;

#[derive(Serialize)]
struct Document<'r> {
    version: u32,
    files: Vec<File<'r>>,
}

#[derive(Serialize)]
struct File<'r> {
    file: &'r str,
    handlers: &'r [HandlerEntry],
}

/// The manifest of `reports` as JSON text.
pub fn document(reports: &[FileReport]) -> String {
    let mut files: Vec<File<'_>> = reports
        .iter()
        .filter_map(|report| {
            let first = report.handlers.first()?;
            Some(File {
                file: &first.file,
                handlers: &report.handlers,
            })
        })
        .collect();
    files.sort_by(|a, b| a.file.cmp(b.file));
    let document = Document { version: 1, files };
    serde_json::to_string_pretty(&document).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Writes (or replaces) the manifest at `path` atomically: a temporary file
/// in the same directory, renamed over it.
pub fn write(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".handler-closures-manifest-")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

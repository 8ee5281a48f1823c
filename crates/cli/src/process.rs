//! One file through the codemod: read, check it is text of a sane size,
//! transform with the text back end, verify the result parses, and (with
//! `--write`) replace the file atomically. Nothing is written unless every
//! step succeeded.

use std::path::Path;

use handler_closures::{
    driver::{self, Located},
    manifest::HandlerEntry,
    module_id::module_id,
    Options,
};

use crate::write::write_atomic;

/// What the run does with a transformed file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Only report (`--check`, `--diff`, printing).
    Report,
    /// Replace the file (`--write`).
    Write,
}

/// Settings shared by every file of a run.
pub struct Job<'a> {
    pub options: &'a Options,
    /// Describe every handler for `--manifest`.
    pub describe: bool,
    /// The working directory, which relative paths (and, by default,
    /// module ids) are relative to.
    pub cwd: Option<String>,
    /// Standard input was given a name (`--stdin-filename`): only then does
    /// it have a module id.
    pub stdin_named: bool,
    pub action: Action,
    /// Files larger than this are reported and skipped.
    pub max_bytes: u64,
    /// Keep the transformed text in the report (printing, `--diff`).
    pub keep_output: bool,
}

/// What happened to one file.
#[derive(Debug)]
pub struct FileReport {
    pub name: String,
    pub outcome: Outcome,
    /// Its handlers, for the manifest (when asked for).
    pub handlers: Vec<HandlerEntry>,
    /// The original text, kept when there are diagnostics (code frames) or
    /// the output is wanted (diffs).
    pub source: Option<String>,
}

#[derive(Debug)]
pub enum Outcome {
    /// Transformed (perhaps to the same text).
    Done {
        changed: bool,
        rewritten: usize,
        diagnostics: Vec<Located>,
        output: Option<String>,
    },
    /// The file does not parse (nothing transformed).
    ParseError(Box<Located>),
    /// Unreadable, binary, too large, or not writable.
    Failed(String),
}

impl FileReport {
    pub fn failed(name: String, message: String) -> FileReport {
        FileReport {
            name,
            outcome: Outcome::Failed(message),
            source: None,
            handlers: Vec::new(),
        }
    }

    pub fn changed(&self) -> bool {
        matches!(self.outcome, Outcome::Done { changed: true, .. })
    }

    pub fn diagnostics(&self) -> &[Located] {
        match &self.outcome {
            Outcome::Done { diagnostics, .. } => diagnostics,
            Outcome::ParseError(error) => std::slice::from_ref(&**error),
            Outcome::Failed(_) => &[],
        }
    }

    /// Whether this file makes the run fail (exit 2).
    pub fn has_error(&self) -> bool {
        match &self.outcome {
            Outcome::Done { diagnostics, .. } => diagnostics
                .iter()
                .any(|d| d.severity == handler_closures::Severity::Error),
            Outcome::ParseError(_) | Outcome::Failed(_) => true,
        }
    }
}

/// Reads and processes the file at `path`.
pub fn process_path(path: &Path, job: &Job<'_>) -> FileReport {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > job.max_bytes => {
            return FileReport::failed(
                name,
                format!(
                    "file too large ({} bytes, limit {}); raise --max-size to process it",
                    meta.len(),
                    job.max_bytes
                ),
            )
        }
        Ok(_) => {}
        Err(error) => return FileReport::failed(name, format!("cannot read file: {error}")),
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return FileReport::failed(name, format!("cannot read file: {error}")),
    };
    let source = match text(bytes) {
        Ok(source) => source,
        Err(message) => return FileReport::failed(name, message),
    };
    process_source(name, source, Some(path), job)
}

/// The bytes as text, or why they are not (binary content, invalid UTF-8).
pub fn text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), skipped".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not a UTF-8 text file (invalid byte at offset {}), skipped",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Processes `source`; writes to `path` when the job says so.
pub fn process_source(
    name: String,
    source: String,
    path: Option<&Path>,
    job: &Job<'_>,
) -> FileReport {
    let stdin_name = job.stdin_named.then_some(name.as_str());
    let module_id = module_id(
        path.map(|p| p.to_string_lossy()).as_deref().or(stdin_name),
        job.options.root.as_deref(),
        job.cwd.as_deref(),
    );
    let emit = driver::Emit {
        describe: job.describe,
        module_id,
        ..Default::default()
    };
    let output = match driver::transform_text_with(&source, &name, job.options, emit) {
        Ok(output) => output,
        Err(error) => {
            return FileReport {
                name,
                outcome: Outcome::ParseError(error),
                source: Some(source),
                handlers: Vec::new(),
            }
        }
    };
    let changed = output.code != source;
    if changed {
        // The text back end only inserts; a result that does not parse
        // would be a bug, and must never reach the disk or the user. A
        // `--check` run shows no output, so it skips this second parse (it
        // costs as much as the first). Syntax only: the resolver cannot fail.
        let shown = job.action == Action::Write || job.keep_output;
        let reparsed = if shown {
            driver::with_globals(|| driver::parse_syntax(&output.code, &name).map(|_| ()))
        } else {
            Ok(())
        };
        if let Err(error) = reparsed {
            return FileReport::failed(
                name,
                format!(
                    "internal error: the transformed text does not parse ({}:{}: {}); file left unchanged, please report it",
                    error.line, error.column, error.message
                ),
            );
        }
        if let (Action::Write, Some(path)) = (job.action, path) {
            if let Err(error) = write_atomic(path, output.code.as_bytes()) {
                return FileReport::failed(
                    name,
                    format!("cannot write file (left unchanged): {error}"),
                );
            }
        }
    }
    let keep_source = job.keep_output || !output.diagnostics.is_empty();
    FileReport {
        name,
        handlers: output.handlers,
        outcome: Outcome::Done {
            changed,
            rewritten: output.rewritten,
            diagnostics: output.diagnostics,
            output: job.keep_output.then_some(output.code),
        },
        source: keep_source.then_some(source),
    }
}

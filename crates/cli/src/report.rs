//! How results reach the user: diagnostics (`path:line:col: error[HC001]:
//! message`, with a code frame on a terminal), unified diffs, the summary,
//! and the `--format json` report.
//!
//! ## JSON report (`--format json`, on stdout)
//!
//! ```json
//! { "version": 1,
//!   "files": [ { "path": "src/A.tsx", "status": "changed" | "unchanged" | "error",
//!                "handlersRewritten": 2, "error": null,
//!                "diagnostics": [ { "code": "HC001", "severity": "error", "message": "...",
//!                                   "help": "...", "line": 3, "column": 27,
//!                                   "endLine": 3, "endColumn": 28 } ] } ],
//!   "summary": { "filesScanned": 10, "filesChanged": 2, "handlersRewritten": 5,
//!                "errors": 1, "warnings": 0, "diagnosticsByCode": { "HC001": 1 },
//!                "seconds": 0.12 } }
//! ```
//! `files` lists every file that changed, failed, or has diagnostics.

use std::{collections::BTreeMap, time::Duration};

use codespan_reporting::{
    diagnostic::{Diagnostic, Label},
    files::SimpleFile,
    term::{
        self,
        termcolor::{ColorChoice, StandardStream, WriteColor},
        DisplayStyle,
    },
};
use handler_closures::{driver::Located, Severity};
use serde::Serialize;

use crate::process::{FileReport, Outcome};

/// Prints a file's diagnostics to stderr (see [`render`]).
pub fn diagnostics(report: &FileReport, terminal: bool) {
    let choice = if terminal {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stderr = StandardStream::stderr(choice);
    let _ = render(report, terminal, &mut stderr.lock());
}

/// Writes a file's diagnostics: for tools, one `path:line:col: error[HC001]:
/// message` line each; on a terminal, a code frame each instead, whose
/// header says the message once and whose `┌─ path:line:col` line the
/// location (as rustc shows it).
fn render(report: &FileReport, terminal: bool, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let source = report.source.as_deref().unwrap_or("");
    let file = SimpleFile::new(report.name.as_str(), source);
    let config = term::Config {
        display_style: DisplayStyle::Rich,
        ..Default::default()
    };
    for located in report.diagnostics() {
        // A frame that cannot be drawn (a span outside the text) falls back to the line.
        if terminal && term::emit(out, &config, &file, &frame(located)).is_ok() {
            continue;
        }
        writeln!(out, "{}:{located}", report.name)?;
    }
    if let Outcome::Failed(message) = &report.outcome {
        writeln!(out, "{}: error: {message}", report.name)?;
    }
    Ok(())
}

fn frame(located: &Located) -> Diagnostic<()> {
    let diagnostic = match located.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
    };
    let mut labels =
        vec![Label::primary((), located.start..located.end).with_message(&located.label)];
    if let Some((start, end, label)) = &located.related {
        labels.push(Label::secondary((), *start..*end).with_message(label));
    }
    diagnostic
        .with_code(located.code.as_str())
        .with_message(&located.message)
        .with_labels(labels)
        .with_notes(vec![format!("help: {}", located.help)])
}

/// A unified diff of one file, coloured for a terminal.
pub fn diff(name: &str, before: &str, after: &str, colour: bool) -> String {
    let diff = similar::TextDiff::from_lines(before, after);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    if !colour {
        return text;
    }
    text.lines()
        .map(|line| {
            let code = match line.as_bytes().first() {
                Some(b'+') if !line.starts_with("+++") => "32",
                Some(b'-') if !line.starts_with("---") => "31",
                Some(b'@') => "36",
                _ => return format!("{line}\n"),
            };
            format!("\x1b[{code}m{line}\x1b[0m\n")
        })
        .collect()
}

/// Totals over a run.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub files_scanned: usize,
    pub files_changed: usize,
    pub handlers_rewritten: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics_by_code: BTreeMap<String, usize>,
    pub seconds: f64,
}

impl Summary {
    pub fn new(reports: &[FileReport], elapsed: Duration) -> Summary {
        let mut summary = Summary {
            files_scanned: reports.len(),
            seconds: elapsed.as_secs_f64(),
            ..Summary::default()
        };
        for report in reports {
            summary.files_changed += usize::from(report.changed());
            if let Outcome::Done { rewritten, .. } = report.outcome {
                summary.handlers_rewritten += rewritten;
            }
            if let Outcome::Failed(_) = report.outcome {
                summary.errors += 1;
            }
            for located in report.diagnostics() {
                match located.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                }
                *summary
                    .diagnostics_by_code
                    .entry(located.code.as_str().to_string())
                    .or_default() += 1;
            }
        }
        summary
    }

    /// `scanned 120 files: 14 changed, 31 handlers rewritten; HC001×1; 0.21s`
    pub fn line(&self) -> String {
        let mut line = format!(
            "scanned {} file{}: {} changed, {} handler{} rewritten",
            self.files_scanned,
            plural(self.files_scanned),
            self.files_changed,
            self.handlers_rewritten,
            plural(self.handlers_rewritten),
        );
        if !self.diagnostics_by_code.is_empty() {
            let codes: Vec<String> = self
                .diagnostics_by_code
                .iter()
                .map(|(code, count)| format!("{code}×{count}"))
                .collect();
            line.push_str(&format!("; {}", codes.join(" ")));
        }
        if self.errors > 0 {
            line.push_str(&format!("; {} error{}", self.errors, plural(self.errors)));
        }
        line.push_str(&format!("; {:.2}s", self.seconds));
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: &'a Summary,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFile<'a> {
    path: &'a str,
    status: &'static str,
    handlers_rewritten: usize,
    error: Option<&'a str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    help: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// The `--format json` report.
pub fn json(reports: &[FileReport], summary: &Summary) -> String {
    let files = reports
        .iter()
        .filter(|r| r.changed() || r.has_error() || !r.diagnostics().is_empty())
        .map(|report| JsonFile {
            path: &report.name,
            status: match &report.outcome {
                Outcome::Done { changed: true, .. } => "changed",
                Outcome::Done { .. } => "unchanged",
                _ => "error",
            },
            handlers_rewritten: match report.outcome {
                Outcome::Done { rewritten, .. } => rewritten,
                _ => 0,
            },
            error: match &report.outcome {
                Outcome::Failed(message) => Some(message),
                _ => None,
            },
            diagnostics: report
                .diagnostics()
                .iter()
                .map(|d| JsonDiagnostic {
                    code: d.code.as_str(),
                    severity: d.severity.as_str(),
                    message: &d.message,
                    help: &d.help,
                    line: d.line,
                    column: d.column,
                    end_line: d.end_line,
                    end_column: d.end_column,
                })
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&JsonReport {
        version: 1,
        files,
        summary,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::Buffer;
    use handler_closures::{driver, Options};

    fn refused() -> FileReport {
        let source =
            "export function A() {\n  let n = 0;\n  return <b onClick={() => n++} />;\n}\n";
        let output = driver::transform_text(source, "A.tsx", &Options::default()).unwrap();
        assert_eq!(output.diagnostics.len(), 1);
        FileReport {
            name: "src/A.tsx".into(),
            outcome: Outcome::Done {
                changed: false,
                rewritten: 0,
                diagnostics: output.diagnostics,
                output: None,
            },
            source: Some(source.into()),
            handlers: Vec::new(),
        }
    }

    fn rendered(terminal: bool) -> String {
        let mut out = Buffer::no_color();
        render(&refused(), terminal, &mut out).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn a_terminal_shows_each_message_once_with_its_frame() {
        let text = rendered(true);
        assert_eq!(text.matches("handler left as written").count(), 1, "{text}");
        assert!(
            text.starts_with("error[HC001]: handler left as written"),
            "{text}"
        );
        assert!(text.contains("┌─ src/A.tsx:3:28"), "{text}");
        assert!(text.contains("help: "), "{text}");
    }

    #[test]
    fn tools_get_one_line_per_diagnostic() {
        let text = rendered(false);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.starts_with("src/A.tsx:3:28: error[HC001]: handler left as written"),
            "{text}"
        );
    }

    use codespan_reporting::term::termcolor::NoColor;

    /// The code frame's `┌─ file:line:col` counts columns as the one-line
    /// report does, in characters, also after astral characters.
    #[test]
    fn code_frame_and_one_line_report_agree_on_columns() {
        let source = "export function C() {\n  let n = 0;\n  return <b title=\"😀😀\" onClick={() => n++} />;\n}\n";
        let output =
            handler_closures::driver::transform_text(source, "a.tsx", &Default::default()).unwrap();
        let located = &output.diagnostics[0];
        let mut rendered = NoColor::new(Vec::new());
        let file = SimpleFile::new("a.tsx", source);
        term::emit(
            &mut rendered,
            &term::Config::default(),
            &file,
            &frame(located),
        )
        .unwrap();
        let rendered = String::from_utf8(rendered.into_inner()).unwrap();
        let place = format!("a.tsx:{}:{}", located.line, located.column);
        assert_eq!(place, "a.tsx:3:39");
        assert!(rendered.contains(&format!("┌─ {place}")), "{rendered}");
    }
}

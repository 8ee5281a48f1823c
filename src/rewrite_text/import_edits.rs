//! # The helper import as text
//!
//! The text back end's edits for the `handler` import: a specifier added to
//! an existing declaration (also inside empty braces, `import def, {} from`),
//! or a new declaration on its own line after the last import, the
//! directive prologue, or the shebang and the file's leading comments, in
//! the quote and semicolon style of the statement it follows.
//!
//! ```tsx
//! /** @jsx h */                              /** @jsx h */
//! // License                                // License
//!                                      →    import { handler } from "commontools";
//! export function App() { ... }
//!                                           export function App() { ... }
//! ```
//!
//! ## Implementation
//!
//! Positions come from the plan's spans and [`SourceText`]'s trivia
//! skipping; the module is written as a valid string literal
//! ([`string_literal`]).

use swc_core::common::Span;

use super::{insert, Edit, SourceText};
use crate::helper_import::{ImportEdit, NewSpecifier};

/// Lines to insert after module items (or at the top of the file), merged
/// into one edit per place so that a new import and the hoisted block that
/// follow the same item come out in the order they were pushed.
#[derive(Default)]
pub(super) struct TopLines {
    places: Vec<(Option<Span>, Vec<String>)>,
}

impl TopLines {
    /// Adds `text` (one or more lines, without a final line break) after
    /// the item spanning `after` (`None`: the top of the file).
    pub(super) fn push(&mut self, after: Option<Span>, text: String) {
        if text.is_empty() {
            return;
        }
        match self.places.iter_mut().find(|(place, _)| *place == after) {
            Some((_, lines)) => lines.push(text),
            None => self.places.push((after, vec![text])),
        }
    }

    pub(super) fn into_edits(self, source: &SourceText<'_>, edits: &mut Vec<Edit>) {
        let eol = source.eol();
        for (after, lines) in self.places {
            let text = lines.join(eol);
            match after {
                Some(span) => {
                    let at = end_of_line(source, source.at(span.hi));
                    edits.push(insert(at, format!("{eol}{text}")));
                }
                None => edits.push(top_of_file(source, &text)),
            }
        }
    }
}

pub(super) fn import_edits(
    source: &SourceText<'_>,
    edit: &ImportEdit,
    edits: &mut Vec<Edit>,
    top: &mut TopLines,
) {
    match edit {
        ImportEdit::Reuse => {}
        ImportEdit::AddSpecifier {
            last_specifier,
            has_braces,
            imported,
            local,
            ..
        } => {
            let specifier = named(imported, &local.sym);
            let after = source.at(last_specifier.hi);
            if *has_braces {
                edits.push(insert(after, format!(", {specifier}")));
                return;
            }
            // `import def, {} from`: the braces are there, only empty.
            let comma = source.skip_trivia(after);
            let open = source.skip_trivia(comma + 1);
            if source.byte(comma) == Some(b',') && source.byte(open) == Some(b'{') {
                let close = source.skip_trivia(open + 1);
                let pad = if close == open + 1 { " " } else { "" };
                edits.push(insert(open + 1, format!(" {specifier}{pad}")));
            } else {
                edits.push(insert(after, format!(", {{ {specifier} }}")));
            }
        }
        ImportEdit::AddImport {
            after,
            src,
            specifier,
            style,
            ..
        } => {
            let clause = match specifier {
                NewSpecifier::Named { imported, local } => {
                    format!("{{ {} }}", named(imported, &local.sym))
                }
                NewSpecifier::Namespace { local } => format!("* as {}", local.sym),
            };
            let (quote, semicolon) = match style {
                Some(style) => (
                    source
                        .byte(source.at(style.quote_at))
                        .map_or('"', char::from),
                    if source.at(style.statement_end) > 0
                        && source.byte(source.at(style.statement_end) - 1) == Some(b';')
                    {
                        ";"
                    } else {
                        ""
                    },
                ),
                None => ('"', ";"),
            };
            let line = format!(
                "import {clause} from {}{semicolon}",
                string_literal(src, quote)
            );
            top.push(*after, line);
        }
    }
}

fn named(imported: &str, local: &str) -> String {
    if imported == local {
        local.to_string()
    } else {
        format!("{imported} as {local}")
    }
}

/// `value` as a JavaScript string literal, in `quote` (`'` or `"`) when it
/// can be written there as is, else escaped by `serde_json` (JSON strings
/// are JavaScript strings).
pub(super) fn string_literal(value: &str, quote: char) -> String {
    let plain = !value
        .chars()
        .any(|c| c == quote || c == '\\' || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'));
    if plain && (quote == '\'' || quote == '"') {
        format!("{quote}{value}{quote}")
    } else {
        serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
    }
}

/// Where a line of text can follow the item ending at `offset`: the end of
/// its line when only blanks or comments that end on that line follow it
/// there, else `offset` itself (more code on the same line, or a block
/// comment that runs onto the next line).
fn end_of_line(source: &SourceText<'_>, offset: usize) -> usize {
    let line_end = source.line_start_of(source.line_of(offset) + 1);
    let mut at = offset;
    loop {
        let rest = &source.text[at..line_end];
        let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        at += blank;
        match source.comment_at(at) {
            Some(comment) if comment.line => return comment.end,
            Some(comment)
                if comment.end <= line_end && !source.text[at..comment.end].contains('\n') =>
            {
                at = comment.end
            }
            _ => break,
        }
    }
    match source.byte(at) {
        None | Some(b'\n') => at,
        Some(b'\r') if source.byte(at + 1) == Some(b'\n') => at,
        _ => offset,
    }
}

/// The new import when the file has no import and no directive: after the
/// shebang and the comments before the first statement (TypeScript reads
/// `@jsx`, `@jsxImportSource` and `@ts-check` pragmas only there; license
/// headers stay on top), on its own line.
fn top_of_file(source: &SourceText<'_>, line: &str) -> Edit {
    let eol = source.eol();
    let start = after_shebang(source.text);
    let first_token = source.skip_trivia(start);
    match source.comments_in(start..first_token).last() {
        None => insert(start, format!("{line}{eol}")),
        Some(last) => {
            let at = end_of_line(source, last.end);
            if at == last.end && source.byte(at).is_some_and(|b| b != b'\n' && b != b'\r') {
                // Code follows the comment on its line: it moves to the
                // line after the import, without the blanks before it.
                let rest = &source.text[at..];
                Edit {
                    len: rest.len() - rest.trim_start_matches([' ', '\t']).len(),
                    ..insert(at, format!("{eol}{line}{eol}"))
                }
            } else {
                insert(at, format!("{eol}{line}"))
            }
        }
    }
}

/// Where text can go at the top of the file: after a shebang line.
fn after_shebang(text: &str) -> usize {
    if text.starts_with("#!") {
        text.find('\n').map_or(text.len(), |i| i + 1)
    } else {
        0
    }
}

//! # Text back end
//!
//! Applies a [`Plan`] as byte edits spliced into the original source, never a
//! re-print: every byte outside the edited points (comments, blank lines,
//! formatting, the handler's own body) stays as it was. Used by the codemod.
//!
//! ```tsx
//! <button onClick={(e) => save(form.id, e)} />
//! // becomes (insertions marked ^)
//! <button onClick={handler((e, { save, form }) => save(form.id, e))({ save, form: { id: form.id } })} />
//! //               ^^^^^^^^  ^^^^^^^^^^^^^^^^^                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! ## Formatting of inserted text
//!
//! - `handler(` before the arrow; the new parameters inside its parameter
//!   list (parentheses added around a bare `x =>`); a TS optional marker
//!   `e?:` is deleted.
//! - The params object on one line when it is short (at most 60 characters
//!   and the line stays within 100 columns), else one root per line, indented
//!   one level (two spaces, or a tab in tab-indented code) past the
//!   attribute's line, closing at that line's indentation.
//! - A new import goes on its own line after the last import (or the
//!   directive prologue, or the shebang), with the quote style and semicolon
//!   of the file's imports; the file's line ending (LF or CRLF) is kept.
//!
//! ## Implementation
//!
//! Edits are collected as (offset, deleted length, text) and applied in one
//! pass in offset order; nested handlers' edits fall strictly inside their
//! parent's arrow, so they compose. Names come from the plan, which chose
//! them fresh for the whole file, so no hygiene pass is needed.

use swc_core::common::{BytePos, LineCol, Span};

use crate::{
    capture_tree::{CaptureNode, CaptureRoot},
    helper_import::{HelperCallee, ImportEdit, NewSpecifier},
    options::is_identifier_name,
    plan::{HandlerPlan, Plan, Rewrite},
};

/// The original text and how to turn a span position into a byte offset.
#[derive(Clone, Copy)]
pub struct SourceText<'a> {
    pub text: &'a str,
    /// The source map position of the text's first byte.
    pub base: BytePos,
}

impl SourceText<'_> {
    fn at(&self, pos: BytePos) -> usize {
        (pos.0.saturating_sub(self.base.0) as usize).min(self.text.len())
    }

    fn line_start(&self, offset: usize) -> usize {
        self.text[..offset].rfind('\n').map_or(0, |i| i + 1)
    }

    fn indentation(&self, offset: usize) -> &str {
        let start = self.line_start(offset);
        let line = &self.text[start..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    }

    fn eol(&self) -> &'static str {
        match self.text.find('\n') {
            Some(i) if i > 0 && self.text.as_bytes()[i - 1] == b'\r' => "\r\n",
            _ => "\n",
        }
    }
}

/// One edit: replace `len` bytes at `at` with `text`.
#[derive(Debug)]
struct Edit {
    at: usize,
    len: usize,
    text: String,
}

/// Applies `plan` to `source`.
pub fn apply(source: SourceText<'_>, plan: &Plan) -> String {
    splice(source, &edits(source, plan), None)
}

/// [`apply`], also returning source-map mappings: for every token start of
/// the original text in the output, its original position and its output
/// line and UTF-16 column (inserted text is left unmapped).
pub fn apply_with_mappings(
    source: SourceText<'_>,
    plan: &Plan,
) -> (String, Vec<(BytePos, LineCol)>) {
    let mut mappings = Vec::new();
    let code = splice(source, &edits(source, plan), Some(&mut mappings));
    (code, mappings)
}

fn edits(source: SourceText<'_>, plan: &Plan) -> Vec<Edit> {
    let Some(helper) = &plan.helper else {
        return Vec::new();
    };
    let callee = match &helper.callee {
        HelperCallee::Ident(ident) => ident.sym.to_string(),
        HelperCallee::Member { object, prop } => format!("{}.{prop}", object.sym),
    };
    let mut edits = Vec::new();
    for (handler, rewrite) in plan.rewrites() {
        handler_edits(source, handler, rewrite, &callee, &mut edits);
    }
    import_edits(source, &helper.import, &mut edits);
    // Stable: edits at the same offset keep the order they were made in.
    edits.sort_by_key(|edit| edit.at);
    edits
}

fn splice(
    source: SourceText<'_>,
    edits: &[Edit],
    mut mappings: Option<&mut Vec<(BytePos, LineCol)>>,
) -> String {
    let text = source.text;
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut position = OutputPosition::default();
    let mut cursor = 0;
    for edit in edits {
        if edit.at < cursor {
            // Overlapping edits cannot come from a valid plan; skip rather than corrupt.
            continue;
        }
        copy(
            source,
            cursor..edit.at,
            &mut out,
            &mut position,
            mappings.as_deref_mut(),
        );
        out.push_str(&edit.text);
        position.advance(&edit.text);
        cursor = edit.at + edit.len;
    }
    copy(
        source,
        cursor..text.len(),
        &mut out,
        &mut position,
        mappings,
    );
    out
}

/// Where the output is, as a source map counts: 0-based line, UTF-16 column.
#[derive(Default, Clone, Copy)]
struct OutputPosition {
    line: u32,
    col: u32,
}

impl OutputPosition {
    fn advance(&mut self, text: &str) {
        match text.rfind('\n') {
            Some(last) => {
                self.line += text.matches('\n').count() as u32;
                self.col = text[last + 1..].encode_utf16().count() as u32;
            }
            None => self.col += text.encode_utf16().count() as u32,
        }
    }
}

/// Copies original text to the output; with `mappings`, maps each token start.
fn copy(
    source: SourceText<'_>,
    range: std::ops::Range<usize>,
    out: &mut String,
    position: &mut OutputPosition,
    mappings: Option<&mut Vec<(BytePos, LineCol)>>,
) {
    let piece = &source.text[range.clone()];
    out.push_str(piece);
    let Some(mappings) = mappings else {
        return;
    };
    let mut boundary = true;
    for (offset, c) in piece.char_indices() {
        let word = c.is_alphanumeric() || c == '_' || c == '$';
        if !c.is_whitespace() && (boundary || !word) {
            mappings.push((
                BytePos(source.base.0 + (range.start + offset) as u32),
                LineCol {
                    line: position.line,
                    col: position.col,
                },
            ));
        }
        boundary = !word;
        if c == '\n' {
            position.line += 1;
            position.col = 0;
        } else {
            position.col += c.len_utf16() as u32;
        }
    }
}

fn insert(at: usize, text: String) -> Edit {
    Edit { at, len: 0, text }
}

fn handler_edits(
    source: SourceText<'_>,
    handler: &HandlerPlan,
    rewrite: &Rewrite,
    callee: &str,
    edits: &mut Vec<Edit>,
) {
    let text = source.text;
    let start = source.at(handler.arrow_span.lo);
    let end = source.at(handler.arrow_span.hi);
    edits.push(insert(start, format!("{callee}(")));

    let second = match &rewrite.empty_params {
        Some(name) => name.to_string(),
        None => {
            let roots: Vec<&str> = rewrite.captures.roots.iter().map(|r| &*r.id.0).collect();
            format!("{{ {} }}", roots.join(", "))
        }
    };
    let params = &handler.params;
    // The parameter list starts after `async` and type parameters.
    let head_start = params.type_params_end.map_or(start, |pos| source.at(pos));
    match (params.first, &rewrite.event_param) {
        (Some(first), _) => {
            let first_start = source.at(first.lo);
            let first_end = source.at(first.hi);
            let parenthesized = text[head_start.min(first_start)..first_start].contains('(');
            if parenthesized {
                edits.push(insert(first_end, format!(", {second}")));
            } else {
                edits.push(insert(first_start, "(".into()));
                edits.push(insert(first_end, format!(", {second})")));
            }
            if params.first_optional {
                if let Some(question) = optional_marker(source, first, params.first_type_ann) {
                    edits.push(Edit {
                        at: question,
                        len: 1,
                        text: String::new(),
                    });
                }
            }
        }
        (None, Some(event)) => {
            if let Some(open) = text[head_start..end].find('(') {
                edits.push(insert(head_start + open + 1, format!("{event}, {second}")));
            }
        }
        (None, None) => {}
    }

    let object = params_object(
        source,
        handler,
        rewrite,
        callee.len() + 1 + second.len() + 2,
        end,
    );
    edits.push(insert(end, format!(")({object})")));
}

/// The offset of the `?` in `e?: E` / `e?`.
fn optional_marker(
    source: SourceText<'_>,
    first: Span,
    type_ann: Option<BytePos>,
) -> Option<usize> {
    let text = source.text;
    match type_ann {
        Some(colon) => {
            let before = text[..source.at(colon)].trim_end();
            before.ends_with('?').then(|| before.len() - 1)
        }
        None => {
            let start = source.at(first.lo);
            let end = (source.at(first.hi) + 1).min(text.len());
            text[start..end].rfind('?').map(|i| start + i)
        }
    }
}

/// `{}`, `{ a, b: { c: b.c } }` or the multi-line form.
fn params_object(
    source: SourceText<'_>,
    handler: &HandlerPlan,
    rewrite: &Rewrite,
    inserted_on_line: usize,
    end: usize,
) -> String {
    let roots = &rewrite.captures.roots;
    if roots.is_empty() {
        return "{}".into();
    }
    let entries: Vec<String> = roots.iter().map(root_entry).collect();
    let mut single = String::with_capacity(entries.iter().map(|e| e.len() + 2).sum::<usize>() + 4);
    single.push_str("{ ");
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 {
            single.push_str(", ");
        }
        single.push_str(entry);
    }
    single.push_str(" }");
    let line_start = source.line_start(end);
    let column = source.text[line_start..end].chars().count()
        + if source.line_start(source.at(handler.arrow_span.lo)) == line_start {
            inserted_on_line
        } else {
            0
        };
    if single.len() <= 60 && column + single.len() + 3 <= 100 {
        return single;
    }
    let eol = source.eol();
    let indent = source.indentation(source.at(handler.attr_span.lo));
    // One level deeper, in the file's own unit (a tab where it indents with tabs).
    let level = if indent.contains('\t') { "\t" } else { "  " };
    let mut out = String::from("{");
    for entry in &entries {
        out.push_str(eol);
        out.push_str(indent);
        out.push_str(level);
        out.push_str(entry);
        out.push(',');
    }
    out.push_str(eol);
    out.push_str(indent);
    out.push('}');
    out
}

fn root_entry(root: &CaptureRoot) -> String {
    let name = &*root.id.0;
    let mut out = String::with_capacity(32);
    match &root.node {
        CaptureNode::Whole => out.push_str(name),
        node => {
            push_key(&mut out, name);
            out.push_str(": ");
            let mut path = String::from(name);
            push_value(&mut out, node, &mut path);
        }
    }
    out
}

/// Appends the value of `node`, whose path expression is `path` (a buffer
/// extended and restored while descending).
fn push_value(out: &mut String, node: &CaptureNode, path: &mut String) {
    match node {
        CaptureNode::Whole => out.push_str(path),
        CaptureNode::Props(children) => {
            out.push_str("{ ");
            for (index, (name, child)) in children.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                push_key(out, name);
                out.push_str(": ");
                let len = path.len();
                path.push('.');
                path.push_str(name);
                push_value(out, child, path);
                path.truncate(len);
            }
            out.push_str(" }");
        }
    }
}

/// Appends an object key: as is, quoted, or `["__proto__"]`.
fn push_key(out: &mut String, name: &str) {
    if name == "__proto__" {
        out.push_str("[\"__proto__\"]");
    } else if is_identifier_name(name) {
        out.push_str(name);
    } else {
        out.push_str(&format!("{name:?}"));
    }
}

fn import_edits(source: SourceText<'_>, edit: &ImportEdit, edits: &mut Vec<Edit>) {
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
            let text = if *has_braces {
                format!(", {specifier}")
            } else {
                format!(", {{ {specifier} }}")
            };
            edits.push(insert(source.at(last_specifier.hi), text));
        }
        ImportEdit::AddImport {
            after,
            src,
            specifier,
            ..
        } => {
            let clause = match specifier {
                NewSpecifier::Named { imported, local } => {
                    format!("{{ {} }}", named(imported, &local.sym))
                }
                NewSpecifier::Namespace { local } => format!("* as {}", local.sym),
            };
            let (quote, semicolon) = import_style(
                after.map(|span| &source.text[source.at(span.lo)..source.at(span.hi)]),
            );
            let line = format!("import {clause} from {quote}{src}{quote}{semicolon}");
            let eol = source.eol();
            match after {
                Some(span) => {
                    let at = end_of_line(source.text, source.at(span.hi));
                    edits.push(insert(at, format!("{eol}{line}")));
                }
                None => {
                    let at = after_shebang(source.text);
                    edits.push(insert(at, format!("{line}{eol}")));
                }
            }
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

/// The quote and semicolon style of the import (or directive) the new
/// import follows: `import a from 'a'` gives `'` and no semicolon. `"` and `;`
/// at the top of a file.
fn import_style(previous: Option<&str>) -> (char, &'static str) {
    let Some(previous) = previous.map(str::trim_end) else {
        return ('"', ";");
    };
    let semicolon = if previous.ends_with(';') { ";" } else { "" };
    let quote = if previous.starts_with("import") {
        previous.chars().rev().find(|c| *c == '"' || *c == '\'')
    } else {
        previous.chars().next().filter(|c| *c == '"' || *c == '\'')
    };
    (quote.unwrap_or('"'), semicolon)
}

/// Where a line of text can follow the item ending at `offset`: the end of
/// its line when only blanks or a comment follow it there, else `offset`
/// itself (more code on the same line, or a block comment left open).
fn end_of_line(text: &str, offset: usize) -> usize {
    let rest = &text[offset..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let tail = rest[..line_end].trim();
    let only_comment = tail.is_empty()
        || tail.starts_with("//")
        || (tail.starts_with("/*")
            && tail.ends_with("*/")
            && tail[2..].find("*/") == Some(tail.len() - 4));
    if only_comment {
        offset + line_end
    } else {
        offset
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

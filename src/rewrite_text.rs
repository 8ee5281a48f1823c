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

use swc_core::{
    common::{BytePos, LineCol, Span},
    ecma::atoms::Atom,
};

pub use crate::source_text::SourceText;
use rustc_hash::FxHashMap;

use crate::{
    capture_tree::{CaptureNode, CaptureRoot},
    first_use::FirstUses,
    helper_import::{HelperCallee, ImportEdit, NewSpecifier},
    options::is_identifier_name,
    plan::{HandlerPlan, Plan, Rewrite},
};

/// One edit: replace `len` bytes at `at` with `text`.
#[derive(Debug)]
struct Edit {
    at: usize,
    len: usize,
    text: String,
    /// Source positions of parts of `text`: (byte offset in `text`, position).
    maps: Vec<(usize, BytePos)>,
}

/// Applies `plan` to `source`.
pub fn apply(source: &SourceText<'_>, plan: &Plan) -> String {
    splice(source, &edits(source, plan, None), None)
}

/// [`apply`], also returning source-map mappings: for every token start of
/// the original text in the output, its original position and its output
/// line and UTF-16 column. Of the inserted text, each value of a params
/// object maps to the first use of its path in the handler's body
/// (`uses`, from [`crate::first_use::for_plan`]); the rest is unmapped.
pub fn apply_with_mappings(
    source: &SourceText<'_>,
    plan: &Plan,
    uses: &FxHashMap<(BytePos, BytePos), FirstUses>,
) -> (String, Vec<(BytePos, LineCol)>) {
    let mut mappings = Vec::new();
    let code = splice(source, &edits(source, plan, Some(uses)), Some(&mut mappings));
    (code, mappings)
}

type Uses<'u> = Option<&'u FxHashMap<(BytePos, BytePos), FirstUses>>;

fn edits(source: &SourceText<'_>, plan: &Plan, uses: Uses<'_>) -> Vec<Edit> {
    let Some(helper) = &plan.helper else {
        return Vec::new();
    };
    let callee = match &helper.callee {
        HelperCallee::Ident(ident) => ident.sym.to_string(),
        HelperCallee::Member { object, prop } => format!("{}.{prop}", object.sym),
    };
    let mut edits = Vec::new();
    for (handler, rewrite) in plan.rewrites() {
        let uses = uses.and_then(|u| u.get(&(handler.arrow_span.lo, handler.arrow_span.hi)));
        handler_edits(source, handler, rewrite, &callee, uses, &mut edits);
    }
    import_edits(source, &helper.import, &mut edits);
    // Stable: edits at the same offset keep the order they were made in.
    edits.sort_by_key(|edit| edit.at);
    edits
}

fn splice(
    source: &SourceText<'_>,
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
        match mappings.as_deref_mut() {
            Some(mappings) if !edit.maps.is_empty() => {
                let mut done = 0;
                for (offset, original) in &edit.maps {
                    position.advance(&edit.text[done..*offset]);
                    done = *offset;
                    mappings.push((
                        *original,
                        LineCol {
                            line: position.line,
                            col: position.col,
                        },
                    ));
                }
                position.advance(&edit.text[done..]);
            }
            _ => position.advance(&edit.text),
        }
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
    source: &SourceText<'_>,
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
    Edit {
        at,
        len: 0,
        text,
        maps: Vec::new(),
    }
}

fn handler_edits(
    source: &SourceText<'_>,
    handler: &HandlerPlan,
    rewrite: &Rewrite,
    callee: &str,
    uses: Option<&FirstUses>,
    edits: &mut Vec<Edit>,
) {
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
    let first_start = params.first.map(|first| source.at(first.lo));
    let open = open_paren(source, start, params.type_params_end, first_start);
    match (params.first, &rewrite.event_param) {
        (Some(first), _) => {
            let first_end = source.at(first.hi);
            match open {
                Some(_) => edits.push(insert(first_end, format!(", {second}"))),
                None => {
                    edits.push(insert(source.at(first.lo), "(".into()));
                    edits.push(insert(first_end, format!(", {second})")));
                }
            }
            if params.first_optional {
                if let Some(question) = optional_marker(source, first, params.first_type_ann) {
                    edits.push(Edit {
                        at: question,
                        len: 1,
                        text: String::new(),
                        maps: Vec::new(),
                    });
                }
            }
        }
        (None, Some(event)) => {
            if let Some(open) = open {
                edits.push(insert(open + 1, format!("{event}, {second}")));
            }
        }
        (None, None) => {}
    }

    let (object, maps) = params_object(
        source,
        handler,
        rewrite,
        callee.len() + 1 + second.len() + 2,
        end,
        uses,
    );
    let mut edit = insert(end, format!(")({object})"));
    edit.maps = maps.into_iter().map(|(at, pos)| (at + 2, pos)).collect();
    edits.push(edit);
}

/// The offset of the `(` that opens the arrow's parameter list, if it has
/// one (`x => ...` has none): the first token after `async` and the type
/// parameters. Found by skipping trivia from known token boundaries, so a
/// `(` inside a comment (`async /* (1) */ () => ...`) is never taken for it.
fn open_paren(
    source: &SourceText<'_>,
    arrow_start: usize,
    type_params_end: Option<BytePos>,
    first_start: Option<usize>,
) -> Option<usize> {
    let mut at = match type_params_end {
        Some(end) => source.skip_trivia(source.at(end)),
        None => arrow_start,
    };
    // `async` is a keyword here unless it is the bare parameter itself
    // (`async => ...`); `async(`, `async/**/(` and `async x` all start a head.
    let text = source.text;
    if type_params_end.is_none()
        && first_start != Some(at)
        && text[at..].starts_with("async")
        && !text[at + 5..].starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
    {
        at = source.skip_trivia(at + 5);
    }
    (source.byte(at) == Some(b'(') && first_start.is_none_or(|first| at < first)).then_some(at)
}

/// The offset of the `?` in `e?: E` / `e?`: the last token before the type
/// annotation's `:`, or the first after the pattern.
fn optional_marker(
    source: &SourceText<'_>,
    first: Span,
    type_ann: Option<BytePos>,
) -> Option<usize> {
    let at = match type_ann {
        Some(colon) => source.skip_trivia_back(source.at(colon)).checked_sub(1)?,
        None => {
            let end = source.at(first.hi);
            // Some patterns' spans end after the marker, others before it.
            if end > 0 && source.byte(end - 1) == Some(b'?') {
                end - 1
            } else {
                source.skip_trivia(end)
            }
        }
    };
    (source.byte(at) == Some(b'?')).then_some(at)
}

/// `{}`, `{ a, b: { c: b.c } }` or the multi-line form, with the source
/// positions of its values (offsets in the returned text).
fn params_object(
    source: &SourceText<'_>,
    handler: &HandlerPlan,
    rewrite: &Rewrite,
    inserted_on_line: usize,
    end: usize,
    uses: Option<&FirstUses>,
) -> (String, Vec<(usize, BytePos)>) {
    let roots = &rewrite.captures.roots;
    if roots.is_empty() {
        return ("{}".into(), Vec::new());
    }
    let entries: Vec<(String, Vec<(usize, BytePos)>)> =
        roots.iter().map(|root| root_entry(root, uses)).collect();
    let mut single = String::with_capacity(entries.iter().map(|e| e.0.len() + 2).sum::<usize>() + 4);
    let mut single_maps = Vec::new();
    single.push_str("{ ");
    for (index, (entry, maps)) in entries.iter().enumerate() {
        if index > 0 {
            single.push_str(", ");
        }
        single_maps.extend(maps.iter().map(|(at, pos)| (single.len() + at, *pos)));
        single.push_str(entry);
    }
    single.push_str(" }");
    let line = source.line_of(end);
    let column = source.column(end)
        + if source.line_of(source.at(handler.arrow_span.lo)) == line {
            inserted_on_line
        } else {
            0
        };
    let short = single.len() <= 60 && column + single.len() + 3 <= 100;
    if short || covered_by_directive(source, line) {
        return (single, single_maps);
    }
    let eol = source.eol();
    let indent = source.indentation(source.at(handler.attr_span.lo));
    // One level deeper, in the file's own unit (a tab where it indents with tabs).
    let level = if indent.contains('\t') { "\t" } else { "  " };
    let mut out = String::from("{");
    let mut out_maps = Vec::new();
    for (entry, maps) in &entries {
        out.push_str(eol);
        out.push_str(indent);
        out.push_str(level);
        out_maps.extend(maps.iter().map(|(at, pos)| (out.len() + at, *pos)));
        out.push_str(entry);
        out.push(',');
    }
    out.push_str(eol);
    out.push_str(indent);
    out.push('}');
    (out, out_maps)
}

/// Comment directives that apply to the next line only.
const NEXT_LINE_DIRECTIVES: [&str; 3] = [
    "@ts-expect-error",
    "@ts-ignore",
    "eslint-disable-next-line",
];

/// Whether `line` is covered by a next-line directive: a comment ending on
/// the line before holds `@ts-expect-error`, `@ts-ignore` or
/// `eslint-disable-next-line` (also a JSX `{/* @ts-expect-error */}`). Such a
/// line keeps the params object on it, or the directive would stop covering
/// what it covered.
fn covered_by_directive(source: &SourceText<'_>, line: usize) -> bool {
    let Some(previous) = line.checked_sub(1) else {
        return false;
    };
    let line_start = source.line_start_of(line);
    // Comments starting up to a few lines earlier may end on the line before.
    source
        .comments_in(0..line_start)
        .iter()
        .rev()
        .take_while(|comment| source.line_of(comment.end) >= previous)
        .any(|comment| {
            source.line_of(comment.end) == previous
                && NEXT_LINE_DIRECTIVES
                    .iter()
                    .any(|d| source.text[comment.start..comment.end].contains(d))
        })
}

/// One root's entry of the params object, with the positions of the first
/// uses of its values (offsets in the entry).
fn root_entry(root: &CaptureRoot, uses: Option<&FirstUses>) -> (String, Vec<(usize, BytePos)>) {
    let name = &*root.id.0;
    let mut out = String::with_capacity(32);
    let mut maps = Vec::new();
    let mut note = |at: usize, props: &[Atom]| {
        if let Some(span) = uses.and_then(|u| u.get(&root.id, props)) {
            maps.push((at, span.lo));
        }
    };
    match &root.node {
        CaptureNode::Whole => {
            note(0, &[]);
            out.push_str(name);
        }
        node => {
            push_key(&mut out, name);
            out.push_str(": ");
            let mut path = String::from(name);
            push_value(&mut out, node, &mut path, &mut Vec::new(), &mut note);
        }
    }
    (out, maps)
}

/// Appends the value of `node`, whose path expression is `path` (a buffer
/// extended and restored while descending) and whose members below the root
/// are `props`; `note` gets the offset and members of every value written.
fn push_value(
    out: &mut String,
    node: &CaptureNode,
    path: &mut String,
    props: &mut Vec<Atom>,
    note: &mut impl FnMut(usize, &[Atom]),
) {
    match node {
        CaptureNode::Whole => {
            note(out.len(), props);
            out.push_str(path);
        }
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
                props.push(name.clone());
                push_value(out, child, path, props, note);
                props.pop();
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

fn import_edits(source: &SourceText<'_>, edit: &ImportEdit, edits: &mut Vec<Edit>) {
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
                    source.byte(source.at(style.quote_at)).map_or('"', char::from),
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
            let eol = source.eol();
            match after {
                Some(span) => {
                    let at = end_of_line(source, source.at(span.hi));
                    edits.push(insert(at, format!("{eol}{line}")));
                }
                None => edits.push(top_of_file(source, &line)),
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

/// `value` as a JavaScript string literal, in `quote` (`'` or `"`) when it
/// can be written there as is, else escaped by `serde_json` (JSON strings
/// are JavaScript strings).
fn string_literal(value: &str, quote: char) -> String {
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
            Some(comment) if comment.end <= line_end && !source.text[at..comment.end].contains('\n') => {
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
                // Code follows the comment on its line.
                insert(at, format!("{eol}{line}{eol}"))
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

#[cfg(test)]
mod tests {
    use swc_core::common::BytePos;

    use super::{apply, SourceText};
    use crate::{analyze, driver, Options};

    /// Bytes the text back end's lookups examine to rewrite `handlers`
    /// handlers, all on one line or one per line.
    fn bytes_scanned(handlers: usize, one_line: bool) -> usize {
        let separator = if one_line { " " } else { "\n" };
        let jsx: Vec<String> = (0..handlers)
            .map(|i| format!("<b onClick={{(e) => s.go({i}, e)}} />"))
            .collect();
        let source = format!(
            "export function A({{ s }}) {{ return <>{}</>; }}\n",
            jsx.join(separator)
        );
        driver::with_globals(|| {
            let parsed = driver::parse(&source, "a.tsx").unwrap();
            let plan = analyze(&parsed.program, &Options::default(), parsed.unresolved_mark);
            assert_eq!(plan.rewrites().count(), handlers);
            let text = SourceText::new(&source, BytePos(parsed.program_start()), &parsed.comments);
            apply(&text, &plan);
            text.scanned.get()
        })
    }

    /// The cost of an edit must not grow with the length of its line (16,000
    /// handlers on one minified line took 12 times as long as on separate
    /// lines): an operation count, not a timing.
    #[test]
    fn work_is_linear_in_handlers_whatever_the_line_length() {
        let one_line = bytes_scanned(1000, true);
        let one_line_4x = bytes_scanned(4000, true);
        let separate = bytes_scanned(4000, false);
        assert!(
            one_line_4x <= 6 * one_line,
            "4x the handlers on one line scan {one_line_4x} bytes vs {one_line}"
        );
        assert!(
            one_line_4x <= 3 * separate + 4096,
            "one line scans {one_line_4x} bytes, separate lines {separate}"
        );
    }
}

//! # Driver: source text in, source text out
//!
//! The whole pipeline for front ends that own parsing and printing (the CLI,
//! the standalone wasm module, tests): parse → `resolver` → [`analyze`](crate::analyze) →
//! [`rewrite_ast`](crate::rewrite_ast) → `fixer` → print (or, with
//! [`transform_text`], the plan spliced into the original text).
//! Diagnostics come back as data with 1-based line and column.
//!
//! ```text
//! transform("<b onClick={() => go()} />", "a.tsx", &Options::default())
//!   → Ok(Output { code: "import { handler } from \"commontools\";\n<b onClick={handler(...)...", diagnostics: [] })
//! ```
//!
//! The syntax follows the file name: `.ts`/`.mts`/`.cts` are TypeScript
//! without JSX, `.js`/`.jsx`/`.mjs`/`.cjs` are JavaScript with JSX, anything
//! else (`.tsx`, stdin) is TSX.

use swc_core::{
    common::{
        comments::SingleThreadedComments, source_map::SourceMapGenConfig, sync::Lrc, BytePos,
        FileName, Globals, LineCol, Mark, SourceMap, Span, Spanned, GLOBALS,
    },
    ecma::{
        ast::{EsVersion, Program},
        codegen::{text_writer::JsWriter, Emitter},
        parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax, TsSyntax},
        transforms::base::{fixer::fixer, resolver},
        visit::VisitMutWith,
    },
};

use crate::{
    detect::{first_look, AttributeRule},
    diagnostics::{self, line_and_column, Code, Diagnostic, Severity},
    hoist::FileFacts,
    manifest::HandlerEntry,
    nesting::{nesting_exceeds, MAX_NESTING},
    plan::{analyze_after_look, Plan},
    print_comments::KeepGapComments,
    print_fixes::RestoreParentheses,
    rewrite_ast, rewrite_text, Options,
};

/// A diagnostic placed in the source: 1-based lines and columns (columns
/// count characters, as editors show them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub label: String,
    pub help: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets of the span in the source.
    pub start: usize,
    pub end: usize,
    /// A second location that explains the first (byte offsets and label).
    pub related: Option<(usize, usize, String)>,
}

impl std::fmt::Display for Located {
    /// `line:col: error[HC001]: message` (the CLI prefixes the path).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.line,
            self.column,
            self.severity.as_str(),
            self.code.as_str(),
            self.message
        )
    }
}

/// A transformed file.
#[derive(Debug, Clone)]
pub struct Output {
    pub code: String,
    /// Errors (handlers kept as written) and warnings.
    pub diagnostics: Vec<Located>,
    /// How many handlers were rewritten.
    pub rewritten: usize,
    /// A source map (JSON, with the original source inlined) when asked for.
    pub source_map: Option<String>,
    /// Every handler, described for a manifest, when asked for.
    pub handlers: Vec<crate::manifest::HandlerEntry>,
}

/// What [`transform_with`] produces besides the code, and what it knows of
/// the file besides its name.
#[derive(Debug, Clone)]
pub struct Emit {
    /// Build a source map from the output to the input.
    pub source_map: bool,
    /// Describe every handler ([`Output::handlers`]).
    pub describe: bool,
    /// The module id (registry keys, manifest), or why there is none.
    pub module_id: Result<String, String>,
}

impl Default for Emit {
    fn default() -> Self {
        Emit {
            source_map: false,
            describe: false,
            module_id: Err("the file has no name".into()),
        }
    }
}

impl Output {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Chooses the parser syntax from a file name.
pub fn syntax_for(filename: &str) -> Syntax {
    let lower = filename.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, ext)| ext).unwrap_or("");
    match ext {
        "ts" | "mts" | "cts" => Syntax::Typescript(TsSyntax {
            tsx: false,
            decorators: true,
            ..Default::default()
        }),
        "js" | "jsx" | "mjs" | "cjs" => Syntax::Es(EsSyntax {
            jsx: true,
            decorators: true,
            ..Default::default()
        }),
        _ => Syntax::Typescript(TsSyntax {
            tsx: true,
            decorators: true,
            ..Default::default()
        }),
    }
}

/// A parsed, resolved file, ready to analyse and rewrite.
pub struct Parsed {
    pub cm: Lrc<SourceMap>,
    pub program: Program,
    pub comments: SingleThreadedComments,
    pub unresolved_mark: Mark,
    /// Byte offset of the file in the source map (spans are relative to it).
    base: u32,
}

impl Parsed {
    /// Places a span in the source.
    pub fn locate(&self, diagnostic: &Diagnostic) -> Located {
        locate(&self.cm, self.base, diagnostic.span, diagnostic)
    }

    /// The source map position of the source's first byte (spans minus this
    /// are byte offsets into the text).
    pub fn program_start(&self) -> u32 {
        self.base
    }

    /// The byte offset in the source of a span's start.
    pub fn offset(&self, pos: swc_core::common::BytePos) -> usize {
        pos.0.saturating_sub(self.base) as usize
    }
}

/// Parses `source` without resolving it (syntax only): the floor every
/// front end pays. Must run inside [`with_globals`].
pub fn parse_syntax(source: &str, filename: &str) -> Result<Program, Box<Located>> {
    parse_with_map(source, filename).map(|(_, program, _, _)| program)
}

fn parse_with_map(
    source: &str,
    filename: &str,
) -> Result<(Lrc<SourceMap>, Program, SingleThreadedComments, u32), Box<Located>> {
    let cm: Lrc<SourceMap> = Default::default();
    let fm = cm.new_source_file(
        Lrc::new(FileName::Custom(filename.into())),
        source.to_string(),
    );
    let base = fm.start_pos.0;
    if let Some(offset) = nesting_exceeds(source, MAX_NESTING) {
        let at = fm.start_pos + BytePos(offset as u32);
        let span = Span::new(at, at);
        let error = diagnostics::nested_too_deeply(span, MAX_NESTING);
        return Err(Box::new(locate(&cm, base, span, &error)));
    }
    let comments = SingleThreadedComments::default();
    let lexer = Lexer::new(
        syntax_for(filename),
        EsVersion::latest(),
        StringInput::from(&*fm),
        Some(&comments),
    );
    let mut parser = Parser::new_from(lexer);
    let parsed = match catch_parser_panic(|| parser.parse_program()) {
        Ok(parsed) => parsed,
        Err(message) => {
            let span = Span::new(fm.start_pos, fm.start_pos);
            let message = format!("SWC's parser crashed on this file ({message})");
            return Err(Box::new(locate(
                &cm,
                base,
                span,
                &parse_error(span, message),
            )));
        }
    };
    let recovered = parser.take_errors();
    let program = match (parsed, recovered.into_iter().next()) {
        (Ok(program), None) => program,
        (Err(error), _) | (Ok(_), Some(error)) => {
            let message = error.kind().msg().to_string();
            return Err(Box::new(locate(
                &cm,
                base,
                error.span(),
                &parse_error(error.span(), message),
            )));
        }
    };
    Ok((cm, program, comments, base))
}

/// Parses and resolves `source`. Must run inside [`with_globals`].
pub fn parse(source: &str, filename: &str) -> Result<Parsed, Box<Located>> {
    let mut parsed = parse_unresolved(source, filename)?;
    parsed.resolve();
    Ok(parsed)
}

/// Parses `source`; [`Parsed::resolve`] is still to run.
fn parse_unresolved(source: &str, filename: &str) -> Result<Parsed, Box<Located>> {
    let (cm, program, comments, base) = parse_with_map(source, filename)?;
    Ok(Parsed {
        cm,
        program,
        comments,
        unresolved_mark: Mark::new(),
        base,
    })
}

impl Parsed {
    /// Runs SWC's resolver: every identifier gets its scope's syntax context.
    fn resolve(&mut self) {
        let top_level_mark = Mark::new();
        self.program
            .visit_mut_with(&mut resolver(self.unresolved_mark, top_level_mark, true));
    }
}

/// Parses `source` and plans its rewrite. SWC's resolver (a fifth of a
/// parse) only runs when the file has a handler, or an invalid node the
/// analysis must report: most files of a codebase have no inline handler,
/// and their plan is empty whatever the scopes.
fn parse_and_plan(
    source: &str,
    filename: &str,
    options: &Options,
    emit: &Emit,
) -> Result<(Parsed, Plan, Vec<HandlerEntry>), Box<Located>> {
    let mut parsed = parse_unresolved(source, filename)?;
    let rule = AttributeRule::new(options);
    let look = first_look(&parsed.program, &rule);
    // A file without inline handlers may still hold handlers an earlier run
    // hoisted, which a manifest lists.
    let registers = options.hoist && options.registry.is_some() && look.has_bound;
    if !look.has_handler && look.invalid.is_none() && !emit.describe && !registers {
        return Ok((parsed, Plan::default(), Vec::new()));
    }
    parsed.resolve();
    let file = parsed.cm.lookup_byte_offset(BytePos(parsed.base)).sf;
    let facts = FileFacts {
        source: Some((file.src.as_str(), file.start_pos)),
        module_id: emit.module_id.as_deref().map_err(String::as_str),
    };
    let plan = analyze_after_look(
        &parsed.program,
        options,
        &rule,
        look,
        parsed.unresolved_mark,
        &facts,
        emit.describe,
    );
    refuse_unparsable(&parsed, &plan)?;
    let handlers = if emit.describe {
        let module_id = emit.module_id.as_deref().unwrap_or(filename);
        // Indexed once: a lookup per handler from the file's start would be
        // quadratic in a large file.
        let text = rewrite_text::SourceText::new(&file.src, file.start_pos, &parsed.comments);
        crate::manifest::describe(
            &parsed.program,
            &plan,
            module_id,
            parsed.unresolved_mark,
            |pos| {
                let offset = text.at(pos);
                (text.line_of(offset) + 1, text.column(offset) + 1)
            },
        )
    } else {
        Vec::new()
    };
    Ok((parsed, plan, handlers))
}

/// A plan that found invalid syntax the parser did not report makes the
/// whole file a parse error (HC101), like one the parser rejects.
fn refuse_unparsable(parsed: &Parsed, plan: &Plan) -> Result<(), Box<Located>> {
    match plan.diagnostics.iter().find(|d| d.code == Code::ParseError) {
        Some(diagnostic) => Err(Box::new(parsed.locate(diagnostic))),
        None => Ok(()),
    }
}

/// A rewrite that nests deeper than [`MAX_NESTING`] (each handler adds a
/// level or two) could not be read by the next run: the file is refused as
/// too deep, at its first rewritten handler, and left as it is. Located
/// before printing (printing consumes the parse), checked after.
fn too_deep_refusal(parsed: &Parsed, plan: &Plan) -> Option<Located> {
    let (handler, _) = plan.rewrites().next()?;
    Some(parsed.locate(&diagnostics::rewrite_too_deep(
        handler.attr_span,
        MAX_NESTING,
    )))
}

fn refuse_too_deep_output(code: &str, refusal: Option<Located>) -> Result<(), Box<Located>> {
    match refusal {
        Some(located) if nesting_exceeds(code, MAX_NESTING).is_some() => Err(Box::new(located)),
        _ => Ok(()),
    }
}

fn parse_error(span: Span, message: String) -> Diagnostic {
    Diagnostic {
        code: Code::ParseError,
        severity: Severity::Error,
        span,
        message: format!("the file does not parse: {message}"),
        label: "syntax error".into(),
        help: "fix the syntax error; nothing was transformed".into(),
        related: None,
    }
}

thread_local! {
    /// Set while the parser runs: a panic then is reported as a parse error.
    static PARSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs the parser, turning a panic inside it (an SWC bug on some inputs,
/// e.g. `<a:b.c>`) into an error message instead of a crash.
fn catch_parser_panic<T>(parse: impl FnOnce() -> T) -> Result<T, String> {
    PARSING.with(|p| p.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    PARSING.with(|p| p.set(false));
    result.map_err(|payload| panic_message(payload.as_ref()))
}

/// The text of a panic payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Installs a panic hook that stays silent for parser panics (they are
/// reported as HC101 diagnostics) and defers to the previous hook otherwise.
/// For binaries; call once at start-up.
pub fn quiet_parser_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !PARSING.with(|p| p.get()) {
            previous(info);
        }
    }));
}

/// Runs `f` with SWC's globals set (marks and syntax contexts need them).
pub fn with_globals<T>(f: impl FnOnce() -> T) -> T {
    GLOBALS.set(&Globals::new(), f)
}

/// Parses, transforms and prints `source` with the AST back end.
pub fn transform(source: &str, filename: &str, options: &Options) -> Result<Output, Box<Located>> {
    transform_with(source, filename, options, Emit::default())
}

/// [`transform`], optionally with a source map.
pub fn transform_with(
    source: &str,
    filename: &str,
    options: &Options,
    emit: Emit,
) -> Result<Output, Box<Located>> {
    with_globals(|| {
        let (mut parsed, plan, handlers) = parse_and_plan(source, filename, options, &emit)?;
        rewrite_ast::apply_with_comments(&mut parsed.program, &plan, Some(&parsed.comments));
        let refusal = too_deep_refusal(&parsed, &plan);
        let mut output = finish(parsed, &plan, emit);
        refuse_too_deep_output(&output.code, refusal)?;
        output.handlers = handlers;
        Ok(output)
    })
}

/// Parses and transforms `source` with the text back end: the result is the
/// original text with the plan's edits spliced in (no re-print). A leading
/// byte-order mark is kept.
pub fn transform_text(
    source: &str,
    filename: &str,
    options: &Options,
) -> Result<Output, Box<Located>> {
    transform_text_with(source, filename, options, Emit::default())
}

/// [`transform_text`], optionally with a source map (every token of the
/// original text maps to itself; inserted text is unmapped).
pub fn transform_text_with(
    source: &str,
    filename: &str,
    options: &Options,
    emit: Emit,
) -> Result<Output, Box<Located>> {
    let (bom, text) = match source.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", source),
    };
    with_globals(|| {
        let (parsed, plan, handlers) = parse_and_plan(text, filename, options, &emit)?;
        let source_text =
            rewrite_text::SourceText::new(text, BytePos(parsed.base), &parsed.comments);
        let (spliced, source_map) = if emit.source_map {
            let (code, mappings) = rewrite_text::apply_with_mappings(
                &source_text,
                &plan,
                &crate::first_use::for_plan(&parsed.program, &plan),
            );
            (code, Some(map_json(&parsed.cm, &mappings)))
        } else {
            (rewrite_text::apply(&source_text, &plan), None)
        };
        refuse_too_deep_output(&spliced, too_deep_refusal(&parsed, &plan))?;
        Ok(Output {
            code: format!("{bom}{spliced}"),
            diagnostics: plan.diagnostics.iter().map(|d| parsed.locate(d)).collect(),
            rewritten: plan.rewrites().count(),
            source_map,
            handlers,
        })
    })
}

/// Reprints `source` without transforming it: parse, `fixer`, print. Two
/// texts that are the same program reformat to the same text (used to
/// normalise hand-written golden files).
pub fn reformat(source: &str, filename: &str) -> Result<String, Box<Located>> {
    with_globals(|| {
        let mut parsed = parse(source, filename)?;
        prepare_for_print(&mut parsed);
        Ok(print(&parsed))
    })
}

/// Fixer and printing, with the plan's diagnostics located.
///
/// No `hygiene`: the plan's synthesized names are already fresh, and SWC's
/// hygiene would rename user bindings that merely share a name with an
/// intrinsic JSX tag (`section`) or a `declare global` declaration.
fn finish(mut parsed: Parsed, plan: &Plan, emit: Emit) -> Output {
    let diagnostics = plan.diagnostics.iter().map(|d| parsed.locate(d)).collect();
    prepare_for_print(&mut parsed);
    let (code, source_map) = if emit.source_map {
        let (code, map) = print_with_map(&parsed);
        (code, Some(map))
    } else {
        (print(&parsed), None)
    };
    Output {
        code,
        diagnostics,
        rewritten: plan.rewrites().count(),
        source_map,
        handlers: Vec::new(),
    }
}

/// Keeps what SWC's printing would lose (comments in gaps the printer never
/// visits), then parenthesizes with `fixer` and restores the parentheses it
/// drops although they are needed.
fn prepare_for_print(parsed: &mut Parsed) {
    parsed.program.visit_mut_with(&mut KeepGapComments {
        comments: &parsed.comments,
        cm: &parsed.cm,
    });
    parsed
        .program
        .visit_mut_with(&mut fixer(Some(&parsed.comments)));
    parsed.program.visit_mut_with(&mut RestoreParentheses);
}

/// Prints a program with its comments, as SWC's own tests do.
pub fn print(parsed: &Parsed) -> String {
    emit_program(parsed, None)
}

/// Prints a program and a JSON source map back to the input.
fn print_with_map(parsed: &Parsed) -> (String, String) {
    let mut mappings = Vec::new();
    let code = emit_program(parsed, Some(&mut mappings));
    (code, map_json(&parsed.cm, &mappings))
}

fn map_json(cm: &SourceMap, mappings: &[(BytePos, LineCol)]) -> String {
    let map = cm.build_source_map(mappings, None, InlineSources);
    let mut json = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = map.to_writer(&mut json);
    String::from_utf8_lossy(&json).into_owned()
}

fn emit_program(parsed: &Parsed, mappings: Option<&mut Vec<(BytePos, LineCol)>>) -> String {
    let mut buf = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: Default::default(),
            cm: parsed.cm.clone(),
            comments: Some(&parsed.comments),
            wr: JsWriter::new(parsed.cm.clone(), "\n", &mut buf, mappings),
        };
        // Writing to a Vec cannot fail.
        let _ = emitter.emit_program(&parsed.program);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// Source maps name the file as given and carry its text.
struct InlineSources;

impl SourceMapGenConfig for InlineSources {
    fn file_name_to_source(&self, f: &FileName) -> String {
        f.to_string()
    }

    fn inline_sources_content(&self, _: &FileName) -> bool {
        true
    }
}

fn locate(cm: &SourceMap, base: u32, span: Span, diagnostic: &Diagnostic) -> Located {
    // Columns in characters (`line_and_column`), not SWC's UTF-16 `col`.
    let place = |pos| {
        let found = cm.lookup_byte_offset(pos);
        line_and_column(&found.sf.src, found.pos.0 as usize)
    };
    let (line, column) = place(span.lo);
    let (end_line, end_column) = place(span.hi);
    Located {
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: diagnostic.message.clone(),
        label: diagnostic.label.clone(),
        help: diagnostic.help.clone(),
        line,
        column,
        end_line,
        end_column,
        start: span.lo.0.saturating_sub(base) as usize,
        end: span.hi.0.saturating_sub(base) as usize,
        related: diagnostic.related.as_ref().map(|(span, label)| {
            (
                span.lo.0.saturating_sub(base) as usize,
                span.hi.0.saturating_sub(base) as usize,
                label.clone(),
            )
        }),
    }
}

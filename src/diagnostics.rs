//! # Diagnostics
//!
//! Every problem the transform can report, as plain data with a stable code.
//! Analysis produces them; each front end shows them its own way (the SWC pass
//! through SWC's `HANDLER`, the CLI as `path:line:col: error[HC001]: ...`, the
//! wasm module as a `diagnostics` array).
//!
//! An **error** means the handler was left exactly as written; a **warning**
//! means it was rewritten and the user should know something about it.
//! Codes are never reused or renumbered.

use swc_core::common::{
    errors::{DiagnosticId, HANDLER},
    Span,
};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable diagnostic codes. See the README's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The body writes a captured identifier.
    WriteToCapture,
    /// A captured `let`/`var` is reassigned after the JSX is evaluated.
    ReassignedAfterRender,
    /// A captured binding is in its temporal dead zone at render.
    NotYetInitialized,
    /// The arrow already has a second parameter, or a rest parameter.
    UnsupportedParams,
    /// The first parameter's default or computed key reads a captured name.
    ParamReadsCapture,
    /// The body calls direct `eval`.
    DirectEval,
    /// The body uses `this`, `arguments`, `super` or `new.target`.
    LexicalContext,
    /// A local function is captured and `localCallables` is `"error"`.
    LocalCallable,
    /// The file is a script: the helper import would make it a module.
    ScriptFile,
    /// The handler is inside a `with` statement (names resolve dynamically).
    InsideWith,
    /// A handler nested in this one is refused, for a reason that applies to
    /// this one too.
    NestedRefused,
    /// The body says `"use strict"`, which forbids the destructured
    /// parameter that would pass the captures.
    UseStrictWithCaptures,
    /// The options are invalid.
    InvalidOptions,
    /// The file does not parse.
    ParseError,
    /// The transform itself failed on this file (a bug); the file is left as it is.
    InternalError,
    /// `registry` is set but the file has no module id (no file name, a
    /// virtual module, or a file outside `root`).
    NoModuleId,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::WriteToCapture => "HC001",
            Code::ReassignedAfterRender => "HC002",
            Code::NotYetInitialized => "HC003",
            Code::UnsupportedParams => "HC004",
            Code::ParamReadsCapture => "HC005",
            Code::DirectEval => "HC006",
            Code::LexicalContext => "HC007",
            Code::LocalCallable => "HC008",
            Code::ScriptFile => "HC009",
            Code::InsideWith => "HC010",
            Code::NestedRefused => "HC011",
            Code::UseStrictWithCaptures => "HC012",
            Code::InvalidOptions => "HC100",
            Code::ParseError => "HC101",
            Code::InternalError => "HC102",
            Code::NoModuleId => "HC103",
        }
    }

    /// Every code, in order (for documentation and summaries).
    pub const ALL: [Code; 16] = [
        Code::WriteToCapture,
        Code::ReassignedAfterRender,
        Code::NotYetInitialized,
        Code::UnsupportedParams,
        Code::ParamReadsCapture,
        Code::DirectEval,
        Code::LexicalContext,
        Code::LocalCallable,
        Code::ScriptFile,
        Code::InsideWith,
        Code::NestedRefused,
        Code::UseStrictWithCaptures,
        Code::InvalidOptions,
        Code::ParseError,
        Code::InternalError,
        Code::NoModuleId,
    ];
}

/// One diagnostic: what, where, why, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// The primary location (a handler, or the offending expression in it).
    pub span: Span,
    /// What happened and why it matters.
    pub message: String,
    /// A short label shown under the span in a code frame.
    pub label: String,
    /// What the user can do about it.
    pub help: String,
    /// A second location that explains the first (where a variable is written,
    /// declared...), with its label.
    pub related: Option<(Span, String)>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Reports through SWC's `HANDLER` (a host's code frame), if one is set.
    pub fn emit(&self) {
        if !HANDLER.is_set() {
            return;
        }
        HANDLER.with(|handler| {
            let code = DiagnosticId::Error(self.code.as_str().into());
            let mut builder = match self.severity {
                Severity::Error => {
                    handler.struct_span_err_with_code(self.span, &self.message, code)
                }
                Severity::Warning => {
                    handler.struct_span_warn_with_code(self.span, &self.message, code)
                }
            };
            builder.span_label(self.span, self.label.clone());
            if let Some((span, label)) = &self.related {
                builder.span_label(*span, label.clone());
            }
            builder.help(&self.help);
            builder.emit();
        });
    }
}

fn error(code: Code, span: Span, message: String, label: &str, help: &str) -> Diagnostic {
    Diagnostic {
        code,
        severity: Severity::Error,
        span,
        message,
        label: label.into(),
        help: help.into(),
        related: None,
    }
}

/// The parser's error recovery left an invalid node although it reported no
/// error: the file is treated as not parsing.
#[cold]
pub fn invalid_syntax(span: Span) -> Diagnostic {
    error(
        Code::ParseError,
        span,
        "the file does not parse: invalid syntax here (the parser recovered without reporting it)"
            .into(),
        "invalid syntax",
        "fix the syntax error; nothing was transformed",
    )
}

/// The file nests deeper than the front end's stack can hold (HC101, as the
/// JS API reports when the engine's stack runs out).
#[cold]
pub fn nested_too_deeply(span: Span, limit: usize) -> Diagnostic {
    error(
        Code::ParseError,
        span,
        format!(
            "the file does not parse: it is nested too deeply (more than {limit} levels of brackets, JSX elements and operator chains)"
        ),
        "nested too deeply",
        "reduce the nesting; nothing was transformed",
    )
}

/// The input is within the nesting limit, its rewrite is not (HC101): a
/// second run could not read the output, so nothing is transformed.
#[cold]
pub fn rewrite_too_deep(span: Span, limit: usize) -> Diagnostic {
    error(
        Code::ParseError,
        span,
        format!(
            "the file is left as it is: rewritten, it would be nested too deeply (more than {limit} levels of brackets, JSX elements and operator chains) for a second run to read it"
        ),
        "nested too deeply once rewritten",
        "reduce the nesting of handlers inside handlers; nothing was transformed",
    )
}

#[cold]
pub fn write_to_capture(span: Span, name: &str) -> Diagnostic {
    error(
        Code::WriteToCapture,
        span,
        format!(
            "handler left as written: it assigns to `{name}`, a variable of the enclosing \
             function; as a handler parameter the write would land on a copy"
        ),
        "assigns a captured variable",
        "keep the value in state the runtime owns (a cell) and write through it, or move the \
         variable into the handler",
    )
}

#[cold]
pub fn reassigned_after_render(span: Span, name: &str, write: Span) -> Diagnostic {
    let mut diagnostic = error(
        Code::ReassignedAfterRender,
        span,
        format!(
            "handler left as written: `{name}` is reassigned where that can run after the JSX is \
             evaluated, so the handler would see its render-time value instead of the current one"
        ),
        "captures a variable that changes later",
        &format!(
            "copy it into a `const` before the JSX (`const {name}Copy = {name};`) and use that in \
             the handler, or finish assigning it before the JSX"
        ),
    );
    diagnostic.related = Some((write, format!("`{name}` is assigned here")));
    diagnostic
}

#[cold]
pub fn not_yet_initialized(span: Span, name: &str, declared: Span) -> Diagnostic {
    let mut diagnostic = error(
        Code::NotYetInitialized,
        span,
        format!(
            "handler left as written: `{name}` is not initialised yet where the JSX is evaluated \
             (temporal dead zone), so passing it as a parameter would throw"
        ),
        "captures a binding declared later",
        "declare the binding before the JSX that uses it",
    );
    diagnostic.related = Some((declared, format!("`{name}` is declared here")));
    diagnostic
}

#[cold]
pub fn second_param(span: Span) -> Diagnostic {
    error(
        Code::UnsupportedParams,
        span,
        "handler left as written: it already has a second parameter, which the handler \
         binding's captured parameters would replace"
            .into(),
        "second parameter",
        "take the event as the only parameter",
    )
}

#[cold]
pub fn rest_param(span: Span) -> Diagnostic {
    error(
        Code::UnsupportedParams,
        span,
        "handler left as written: its first parameter is a rest parameter, which would \
         swallow the captured parameters"
            .into(),
        "rest parameter",
        "take the event as a plain parameter",
    )
}

#[cold]
pub fn param_reads_capture(span: Span, name: &str) -> Diagnostic {
    error(
        Code::ParamReadsCapture,
        span,
        format!(
            "handler left as written: its parameter list reads `{name}` from the enclosing \
             function; the new captured-parameters object would shadow it"
        ),
        "reads a captured name",
        "move the default or computed key into the handler's body",
    )
}

#[cold]
pub fn direct_eval(span: Span) -> Diagnostic {
    error(
        Code::DirectEval,
        span,
        "handler left as written: it calls `eval`, which can read any variable in scope, so \
         its captures cannot be known"
            .into(),
        "direct eval",
        "remove `eval` from the handler",
    )
}

#[cold]
pub fn lexical_context(span: Span, what: &str) -> Diagnostic {
    Diagnostic {
        code: Code::LexicalContext,
        severity: Severity::Warning,
        span,
        message: format!(
            "handler uses `{what}`, which still refers to the enclosing function: it is not \
             passed as a parameter, so the handler is not fully serializable"
        ),
        label: format!("uses `{what}`"),
        help: lexical_help(what).into(),
        related: None,
    }
}

/// What to do about each lexical name a handler uses.
fn lexical_help(what: &str) -> &'static str {
    match what {
        "this" => "read what you need from `this` into a local `const` before the JSX",
        "arguments" => {
            "name the parameters you need, or copy `arguments` into a local `const` (`const args \
             = [...arguments];`) before the JSX"
        }
        "new.target" => "copy `new.target` into a local `const` before the JSX",
        // `const m = super.m` would lose the receiver: bind it.
        _ => {
            "bind what you need before the JSX (`const save = super.save.bind(this);`): a plain \
             copy of a `super` method loses its receiver"
        }
    }
}

#[cold]
pub fn local_callable(span: Span, name: &str) -> Diagnostic {
    error(
        Code::LocalCallable,
        span,
        format!(
            "handler left as written: it captures `{name}`, a local function \
             (`localCallables` is \"error\")"
        ),
        "captures a local function",
        "move the function to module level, or set `localCallables` to \"capture\"",
    )
}

#[cold]
pub fn script_file(span: Span) -> Diagnostic {
    error(
        Code::ScriptFile,
        span,
        "handler left as written: this file is a script (no import or export), and the \
         `handler` import the rewrite needs would make it a module, which runs differently \
         (strict mode, module scope for top-level names, reserved `await`)"
            .into(),
        "in a script",
        "make the file a module (add an import, or `export {}`) if it is meant to be one",
    )
}

#[cold]
pub fn no_module_id(span: Span, why: &str) -> Diagnostic {
    let lo = Span::new(span.lo, span.lo);
    error(
        Code::NoModuleId,
        lo,
        format!("file not transformed: `registry` needs a module id for this file, and {why}"),
        "no module id",
        "give the file a name inside `root` (module ids are relative to it), or drop `registry`",
    )
}

#[cold]
pub fn inside_with(span: Span) -> Diagnostic {
    error(
        Code::InsideWith,
        span,
        "handler left as written: it is inside a `with` statement, where names are resolved at \
         run time, so its captures cannot be known"
            .into(),
        "inside `with`",
        "move the JSX out of the `with` statement",
    )
}

/// The outer handler of `inner`, refused for `inner`'s reason (`code`).
#[cold]
pub fn nested_refused(span: Span, inner: Span, code: Code) -> Diagnostic {
    let mut diagnostic = error(
        Code::NestedRefused,
        span,
        format!(
            "handler left as written: a handler inside it is refused ({}), and the same reason \
             applies to this one, which captures what the inner one needs",
            code.as_str()
        ),
        "contains a refused handler",
        "fix the inner handler's problem (reported at the inner handler); both are then rewritten",
    );
    diagnostic.related = Some((inner, format!("refused here ({})", code.as_str())));
    diagnostic
}

#[cold]
pub fn use_strict_with_captures(span: Span) -> Diagnostic {
    error(
        Code::UseStrictWithCaptures,
        span,
        "handler left as written: its body starts with \"use strict\", and a function with that \
         directive may not take the destructured parameter that would pass its captures"
            .into(),
        "\"use strict\" with captures",
        "remove the directive (modules are always strict)",
    )
}

/// A function declared in a later `switch` case: hoisted, but SWC's resolver
/// does not resolve the use, so it cannot be passed.
#[cold]
pub fn switch_case_function(span: Span, name: &str, declared: Span) -> Diagnostic {
    let mut diagnostic = error(
        Code::NotYetInitialized,
        span,
        format!(
            "handler left as written: `{name}` is a function declared in a later case of this \
             `switch`; SWC's resolver does not resolve a use written before it, so it cannot be \
             passed as a parameter"
        ),
        "uses a function of a later case",
        "declare the function before the `switch`",
    );
    diagnostic.related = Some((declared, format!("`{name}` is declared here")));
    diagnostic
}

/// Where a byte offset of `source` is, as every front end reports it: a
/// 1-based line (lines end at `\n`) and a 1-based column counted in Unicode
/// scalar values (characters), the unit the README and the JS API's types
/// name. The CLI's code frame counts the same way; the esbuild adapter
/// converts to its UTF-8 bytes. An offset inside a character or past the end
/// is taken at the character boundary before it.
///
/// ```
/// use handler_closures::diagnostics::line_and_column;
/// let source = "a\n😀 b";
/// assert_eq!(line_and_column(source, source.find('b').unwrap()), (2, 3));
/// ```
pub fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// A captured exported `var`/`let` of a namespace: a property of the
/// namespace object that any code can assign.
#[cold]
pub fn namespace_export_capture(span: Span, name: &str, declared: Span) -> Diagnostic {
    let mut diagnostic = error(
        Code::ReassignedAfterRender,
        span,
        format!(
            "handler left as written: `{name}` is an exported variable of a namespace, which any \
             code can assign through the namespace object after the JSX is evaluated"
        ),
        "captures a namespace variable",
        &format!(
            "copy it into a `const` before the JSX (`const {name}Copy = {name};`) and use that in \
             the handler, or make it `const`"
        ),
    );
    diagnostic.related = Some((declared, format!("`{name}` is exported here")));
    diagnostic
}

/// A direct `eval` outside the handler where a captured binding is in scope.
#[cold]
pub fn eval_sees_capture(span: Span, name: &str, eval: Span) -> Diagnostic {
    let mut diagnostic = error(
        Code::DirectEval,
        span,
        format!(
            "handler left as written: a direct `eval` can see `{name}`, so it may assign it, or \
             run the JSX before it is initialised, in ways the transform cannot know"
        ),
        "captures a binding an `eval` can see",
        "remove the direct `eval` (an indirect `(0, eval)(...)` sees only globals)",
    );
    diagnostic.related = Some((eval, "direct `eval` here".into()));
    diagnostic
}

//! # handler-closures-wasm
//!
//! The transform as a standalone WebAssembly module for hosts without SWC
//! (esbuild, Deno, browsers, edge workers): built for `wasm32-unknown-unknown`
//! it parses, resolves, rewrites and prints by itself and **imports nothing**,
//! so plain `WebAssembly.instantiate(bytes)` loads it. The JS API in `js/api/`
//! wraps this ABI.
//!
//! ## ABI
//!
//! All strings are UTF-8 in the module's memory, passed as `(ptr, len)`.
//!
//! | export | meaning |
//! |---|---|
//! | `hc_alloc(len) -> ptr` | a buffer of `len` bytes for an argument |
//! | `hc_free(ptr, len)` | frees an argument buffer or a result (`len` = 4 + payload) |
//! | `hc_transform(src, src_len, name, name_len, opts, opts_len, flags) -> ptr` | runs the transform; `flags` bit 0 asks for a source map, bit 1 re-prints the file instead of splicing edits into it, bit 2 describes the handlers (`handlers`) |
//! | `hc_panic_message() -> ptr` | after a trap, the panic message (never freed) |
//!
//! A result is a little-endian `u32` payload length followed by the payload,
//! a JSON object:
//!
//! ```json
//! { "code": "...", "map": "{...}" | null, "rewritten": 1, "handlers": [...],
//!   "diagnostics": [{ "code": "HC001", "severity": "error", "message": "...",
//!                     "label": "...", "help": "...", "line": 5, "column": 33,
//!                     "endLine": 5, "endColumn": 36 }] }
//! { "error": { "code": "HC100", "field": "captureMode", "message": "invalid handler-closures option `captureMode`: ..." } }
//! ```
//!
//! A file that does not parse is not an error result: it comes back unchanged
//! with one `HC101` diagnostic. Only invalid options (and arguments that are
//! not UTF-8) give an `error`.
//!
//! ## Implementation
//!
//! - Never panics on user input: everything the transform can refuse comes
//!   back as data. A panic would still be a bug; on this target it aborts (a
//!   wasm trap), so a panic hook first copies the message to a static buffer
//!   that `hc_panic_message` exposes, and the JS side reports it and
//!   re-instantiates the module.
//! - [`transform_json`] is the whole module in one safe function, tested
//!   natively and used by the native bench (`examples/bench.rs`).

use std::sync::Once;

use handler_closures::{driver, Options};
use serde::Serialize;

/// Bit 0 of `hc_transform`'s `flags`: build a source map.
pub const FLAG_SOURCE_MAP: u32 = 1;
/// Bit 1 of `hc_transform`'s `flags`: re-print the whole file (SWC's code
/// generator) instead of splicing the edits into the original text.
pub const FLAG_REPRINT: u32 = 2;
/// Bit 2 of `hc_transform`'s `flags`: describe every handler (`handlers`).
pub const FLAG_HANDLERS: u32 = 4;

/// How the output text is produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The original text with the edits spliced in (the default: keeps the
    /// user's code byte for byte, and is faster).
    Splice,
    /// The whole file re-printed by SWC's code generator.
    Reprint,
}

/// One diagnostic as the JS API exposes it (1-based lines and columns,
/// columns counted in characters).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    label: &'a str,
    help: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl<'a> From<&'a driver::Located> for JsDiagnostic<'a> {
    fn from(d: &'a driver::Located) -> Self {
        JsDiagnostic {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: &d.message,
            label: &d.label,
            help: &d.help,
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
        }
    }
}

#[derive(Serialize)]
struct Transformed<'a> {
    code: &'a str,
    map: Option<&'a str>,
    rewritten: usize,
    diagnostics: Vec<JsDiagnostic<'a>>,
    /// The manifest's entries for this file (BEHAVIOR.md section 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    handlers: Option<&'a [handler_closures::manifest::HandlerEntry]>,
}

#[derive(Serialize)]
struct Failed<'a> {
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'static str,
    field: &'a str,
    message: &'a str,
}

/// Transforms `source` and returns the result object as JSON text (see the
/// crate docs). `options_json` is the transform's options (`""`, `null` and
/// `{}` mean the defaults).
pub fn transform_json(
    source: &str,
    filename: &str,
    options_json: &str,
    source_map: bool,
    output: Output,
) -> String {
    transform_json_with(source, filename, options_json, source_map, output, false)
}

/// [`transform_json`], with the handlers described when `describe` holds.
/// Module ids are relative to the `root` option (relative file names are
/// taken as relative to it: the module has no working directory).
pub fn transform_json_with(
    source: &str,
    filename: &str,
    options_json: &str,
    source_map: bool,
    output: Output,
    describe: bool,
) -> String {
    let options = match Options::from_json(options_json) {
        Ok(options) => options,
        Err(err) => {
            return error_json(
                handler_closures::Code::InvalidOptions.as_str(),
                &err.field,
                &err.to_string(),
            )
        }
    };
    let emit = driver::Emit {
        source_map,
        describe,
        module_id: handler_closures::module_id::module_id(
            Some(filename),
            options.root.as_deref(),
            None,
        ),
    };
    let result = match output {
        Output::Splice => driver::transform_text_with(source, filename, &options, emit),
        Output::Reprint => driver::transform_with(source, filename, &options, emit),
    };
    let json = match result {
        Ok(output) => serde_json::to_string(&Transformed {
            code: &output.code,
            map: output.source_map.as_deref(),
            rewritten: output.rewritten,
            diagnostics: output.diagnostics.iter().map(JsDiagnostic::from).collect(),
            handlers: describe.then_some(output.handlers.as_slice()),
        }),
        // Nothing transformed: the file comes back as it was, with the error.
        Err(located) => serde_json::to_string(&Transformed {
            code: source,
            map: None,
            rewritten: 0,
            diagnostics: vec![JsDiagnostic::from(&*located)],
            handlers: describe.then_some(&[]),
        }),
    };
    // Serialising plain strings and numbers cannot fail.
    json.unwrap_or_default()
}

fn error_json(code: &'static str, field: &str, message: &str) -> String {
    serde_json::to_string(&Failed {
        error: ErrorBody {
            code,
            field,
            message,
        },
    })
    .unwrap_or_default()
}

/// Allocates a zeroed argument buffer of `len` bytes for the caller to fill.
#[no_mangle]
pub extern "C" fn hc_alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
}

/// Frees a buffer from [`hc_alloc`] or a result from [`hc_transform`]
/// (`len` is then 4 + the payload length).
///
/// # Safety
///
/// `ptr` and `len` must be exactly what `hc_alloc(len)` returned or describe a
/// result of `hc_transform`, and must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn hc_free(ptr: *mut u8, len: usize) {
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)));
}

/// Runs the transform on buffers the caller filled and returns a
/// length-prefixed JSON result (see the crate docs), to be freed with
/// [`hc_free`]. The argument buffers stay the caller's.
///
/// # Safety
///
/// Each `(ptr, len)` pair must describe initialised memory of that length.
#[no_mangle]
pub unsafe extern "C" fn hc_transform(
    src: *const u8,
    src_len: usize,
    name: *const u8,
    name_len: usize,
    opts: *const u8,
    opts_len: usize,
    flags: u32,
) -> *mut u8 {
    install_panic_hook();
    let args = (
        std::str::from_utf8(std::slice::from_raw_parts(src, src_len)),
        std::str::from_utf8(std::slice::from_raw_parts(name, name_len)),
        std::str::from_utf8(std::slice::from_raw_parts(opts, opts_len)),
    );
    let json = match args {
        (Ok(source), Ok(filename), Ok(options)) => {
            let output = if flags & FLAG_REPRINT != 0 {
                Output::Reprint
            } else {
                Output::Splice
            };
            transform_json_with(
                source,
                filename,
                options,
                flags & FLAG_SOURCE_MAP != 0,
                output,
                flags & FLAG_HANDLERS != 0,
            )
        }
        _ => error_json("", "", "handler-closures: an argument is not valid UTF-8"),
    };
    let mut out = Vec::with_capacity(4 + json.len());
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(json.as_bytes());
    Box::into_raw(out.into_boxed_slice()).cast()
}

/// Capacity of the panic message buffer (bytes after the length prefix).
const PANIC_CAPACITY: usize = 4092;

/// `u32` length, then the message of the last panic (truncated).
static mut PANIC_MESSAGE: [u8; 4 + PANIC_CAPACITY] = [0; 4 + PANIC_CAPACITY];

/// The message of the panic that made the last call trap: a little-endian
/// `u32` length and UTF-8 text, in a static buffer (do not free it). Empty when
/// the trap was not a panic (e.g. the stack overflowed).
#[no_mangle]
pub extern "C" fn hc_panic_message() -> *const u8 {
    std::ptr::addr_of!(PANIC_MESSAGE).cast()
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let text = info.to_string();
            let mut len = text.len().min(PANIC_CAPACITY);
            while !text.is_char_boundary(len) {
                len -= 1;
            }
            // SAFETY: the module is single-threaded and nothing else holds a
            // reference to the buffer while the hook runs.
            unsafe {
                let buf = &mut *std::ptr::addr_of_mut!(PANIC_MESSAGE);
                buf[..4].copy_from_slice(&(len as u32).to_le_bytes());
                buf[4..4 + len].copy_from_slice(&text.as_bytes()[..len]);
            }
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> serde_json::Value {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn transforms_and_reports_with_one_based_positions() {
        let source = "export function C({ s }) {\n  let n = 0;\n  return <b onClick={() => s.go()} onKey={() => n++} />;\n}\n";
        let result = parse(&transform_json(source, "C.tsx", "{}", true, Output::Splice));
        let code = result["code"].as_str().unwrap();
        assert!(
            code.contains("onClick={handler((event, { s }) => s.go())({ s })}"),
            "{code}"
        );
        let reprinted = parse(&transform_json(
            source,
            "C.tsx",
            "{}",
            false,
            Output::Reprint,
        ));
        let code = reprinted["code"].as_str().unwrap();
        assert!(code.contains("handler((event, { s })=>s.go())"), "{code}");
        assert_eq!(result["rewritten"], 1);
        assert!(result["map"]
            .as_str()
            .unwrap()
            .contains("\"sources\":[\"C.tsx\"]"));
        let d = &result["diagnostics"][0];
        assert_eq!(d["code"], "HC001");
        assert_eq!(d["severity"], "error");
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(3), Some(49))
        );
        assert!(d["endColumn"].as_u64().unwrap() > 49);
    }

    #[test]
    fn parse_error_is_a_diagnostic_and_the_source_comes_back() {
        let source = "const x = <div>;\n";
        let result = parse(&transform_json(
            source,
            "bad.tsx",
            "",
            false,
            Output::Splice,
        ));
        assert_eq!(result["code"], source);
        assert_eq!(result["map"], serde_json::Value::Null);
        assert_eq!(result["diagnostics"][0]["code"], "HC101");
        // The parser reports the end of the file, after the last newline.
        assert_eq!(result["diagnostics"][0]["line"], 2);
    }

    #[test]
    fn invalid_options_are_an_error_naming_the_field() {
        let result = parse(&transform_json(
            "",
            "a.tsx",
            r#"{"captureMode":"all"}"#,
            false,
            Output::Splice,
        ));
        assert_eq!(result["error"]["code"], "HC100");
        assert_eq!(result["error"]["field"], "captureMode");
        assert!(result["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`captureMode`"));
    }

    #[test]
    fn abi_round_trip() {
        let args = [
            "export default <b onClick={() => go()} />;",
            "a.jsx",
            "null",
        ];
        let bufs: Vec<(*mut u8, usize)> = args
            .iter()
            .map(|a| {
                let ptr = hc_alloc(a.len());
                unsafe { std::ptr::copy_nonoverlapping(a.as_ptr(), ptr, a.len()) };
                (ptr, a.len())
            })
            .collect();
        unsafe {
            let out = hc_transform(
                bufs[0].0, bufs[0].1, bufs[1].0, bufs[1].1, bufs[2].0, bufs[2].1, 0,
            );
            let len = u32::from_le_bytes(*(out as *const [u8; 4])) as usize;
            let json = std::str::from_utf8(std::slice::from_raw_parts(out.add(4), len)).unwrap();
            assert!(parse(json)["code"].as_str().unwrap().contains("handler("));
            hc_free(out, 4 + len);
            for (ptr, len) in bufs {
                hc_free(ptr, len);
            }
        }
    }
}

//! # swc-plugin-handler-closures
//!
//! The SWC plugin front end of handler-closures: a `#[plugin_transform]` that
//! reads the options the host passes as JSON and runs
//! [`handler_closures::handler_closures_in_file`] on the program, with the
//! host's comments, source map (for hoisting) and module id (the file name
//! relative to `root` or the host's working directory).
//!
//! ```json
//! { "jsc": { "experimental": { "plugins": [["swc-plugin-handler-closures", {}]] } } }
//! ```
//!
//! ## Implementation
//!
//! - Built for `wasm32-wasip1` with `--cfg=swc_ast_unknown` (see `scripts/build-wasm.sh`).
//! - Never panics on user input: in wasm a panic reaches users as a misleading
//!   "check your swc_core version" error. Invalid options are reported as an
//!   SWC error diagnostic (`HC100`) naming the field, and the program is
//!   returned untransformed. No options, `null` or `{}` mean the defaults.
//! - Diagnostics about handlers are emitted by the pass through SWC's
//!   `HANDLER`, so the host prints them with a code frame.

use handler_closures::{
    handler_closures_in_file, module_id::module_id, Code, InFile, Options, OptionsError,
};
use swc_core::{
    common::{
        errors::{DiagnosticId, HANDLER},
        sync::Lrc,
        SourceMapper, DUMMY_SP,
    },
    ecma::ast::Program,
    plugin::{
        metadata::TransformPluginMetadataContextKind, plugin_transform,
        proxies::TransformPluginProgramMetadata,
    },
};

#[plugin_transform]
fn process(program: Program, metadata: TransformPluginProgramMetadata) -> Program {
    let config = metadata.get_transform_plugin_config();
    match Options::from_json(config.as_deref().unwrap_or("")) {
        Ok(options) => {
            // Module ids (the registry's keys) are relative to `root`, by
            // default the host's working directory.
            let context = |kind| metadata.get_context(&kind);
            let file = InFile {
                module_id: module_id(
                    context(TransformPluginMetadataContextKind::Filename).as_deref(),
                    options.root.as_deref(),
                    context(TransformPluginMetadataContextKind::Cwd).as_deref(),
                ),
                comments: metadata.comments,
                // Hoisting reads the source text (next-line comment
                // directives, JSX pragmas); it is only fetched then.
                source_map: options
                    .hoist
                    .then(|| Lrc::new(metadata.source_map.clone()) as Lrc<dyn SourceMapper>),
            };
            let unresolved_mark = metadata.unresolved_mark;
            program.apply(handler_closures_in_file(options, unresolved_mark, file))
        }
        Err(err) => {
            let file = metadata.get_context(&TransformPluginMetadataContextKind::Filename);
            report_options_error(&err, file.as_deref());
            program
        }
    }
}

fn report_options_error(err: &OptionsError, file: Option<&str>) {
    if !HANDLER.is_set() {
        return;
    }
    let code = DiagnosticId::Error(Code::InvalidOptions.as_str().into());
    let message = match file {
        Some(file) => format!("{err} (swc-plugin-handler-closures, while transforming {file})"),
        None => format!("{err} (swc-plugin-handler-closures)"),
    };
    HANDLER.with(|handler| {
        handler
            .struct_span_err_with_code(DUMMY_SP, &message, code)
            .emit()
    });
}

#[cfg(test)]
mod tests {
    use handler_closures::Options;

    fn parse_options(json: &str) -> Result<Options, handler_closures::OptionsError> {
        Options::from_json(json)
    }

    #[test]
    fn empty_config_means_defaults() {
        for json in ["", "null", "{}", " {} "] {
            assert_eq!(parse_options(json).unwrap(), Default::default());
        }
    }

    #[test]
    fn bad_options_name_the_field() {
        let err = parse_options(r#"{"captureMode": "bogus"}"#).unwrap_err();
        assert_eq!(err.field, "captureMode");
        assert!(err.to_string().contains("captureMode"), "{err}");
        let err = parse_options(r#"{"helperName": "a-b"}"#).unwrap_err();
        assert_eq!(err.field, "helperName");
        let err = parse_options(r#"{"captureMod": "roots"}"#).unwrap_err();
        assert!(err.to_string().contains("captureMod"), "{err}");
        assert!(parse_options("[1").is_err());
    }
}

//! The floor of the SWC plugin mechanism for `scripts/bench.sh`: built with
//! the same `swc_core` and profile as the real plugin, it moves the AST into
//! wasm and back and changes nothing.

use swc_core::{
    ecma::ast::Program,
    plugin::{plugin_transform, proxies::TransformPluginProgramMetadata},
};

#[plugin_transform]
pub fn process(program: Program, _metadata: TransformPluginProgramMetadata) -> Program {
    program
}

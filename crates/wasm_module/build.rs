//! Gives the wasm module a larger shadow stack than the 1 MiB default, so that
//! deeply nested (but real) source code parses instead of overflowing it.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={}", 8 << 20);
    }
}

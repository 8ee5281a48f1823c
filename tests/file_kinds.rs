//! Which syntax a file name picks (`driver::syntax_for`), as the README's
//! JS API section documents it: `.ts`, `.mts`, `.cts` are TypeScript without
//! JSX; `.js`, `.jsx`, `.mjs`, `.cjs` JavaScript with JSX; anything else TSX.
//! The case of the extension does not matter.

use handler_closures::{driver, Options};

/// A type assertion `<T>x` and a generic arrow: TypeScript only, and not
/// TSX (where `<T>` opens an element).
const TS_ONLY: &str = "export const f = <T>(x: T) => <T>x;\n";
/// JSX with an inline handler, and no types.
const JSX: &str = "export function A({ s }) { return <b onClick={() => s.go()} />; }\n";

#[test]
fn typescript_extensions_parse_without_jsx() {
    for name in ["a.ts", "a.mts", "a.cts", "A.MTS"] {
        assert!(
            driver::transform(TS_ONLY, name, &Options::default()).is_ok(),
            "{name}"
        );
    }
}

#[test]
fn javascript_extensions_parse_jsx() {
    for name in ["a.js", "a.jsx", "a.mjs", "a.cjs"] {
        let output = driver::transform(JSX, name, &Options::default()).unwrap();
        assert_eq!(output.rewritten, 1, "{name}");
        // And no TypeScript: an annotation does not parse.
        assert!(
            driver::transform("let x: number = 1;\n", name, &Options::default()).is_err(),
            "{name}"
        );
    }
}

#[test]
fn anything_else_is_tsx() {
    for name in ["a.tsx", "a.vue", "noextension", "input"] {
        let output = driver::transform(JSX, name, &Options::default()).unwrap();
        assert_eq!(output.rewritten, 1, "{name}");
        assert!(
            driver::transform(TS_ONLY, name, &Options::default()).is_err(),
            "{name}"
        );
    }
}

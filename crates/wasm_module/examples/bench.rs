//! Native timing of exactly what the wasm module does per call
//! ([`transform_json`]: transform, source map, JSON result), to compare with
//! the module under a JS engine (`node js/api-tests/bench.mjs`).
//!
//! ```sh
//! cargo run --release -p handler-closures-wasm --example bench -- FILE [ITERATIONS]
//! ```

use std::time::Instant;

use handler_closures::{analyze, driver, Options};
use handler_closures_wasm::{transform_json, Output};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: bench FILE [ITERATIONS]");
        std::process::exit(2);
    };
    let iterations: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("{path}: {err}");
            std::process::exit(2);
        }
    };
    let filename = path.rsplit('/').next().unwrap_or(&path);
    for (source_map, output) in [
        (false, Output::Splice),
        (true, Output::Splice),
        (false, Output::Reprint),
        (true, Output::Reprint),
    ] {
        let first = Instant::now();
        let json = transform_json(&source, filename, "{}", source_map, output);
        let first = first.elapsed();
        let start = Instant::now();
        for _ in 1..iterations {
            std::hint::black_box(transform_json(&source, filename, "{}", source_map, output));
        }
        let rest = start.elapsed() / iterations.saturating_sub(1).max(1);
        println!(
            "native {path} ({} bytes) {output:?} sourceMap={source_map}: first {:.2} ms, mean {:.2} ms over {} calls, result {} bytes",
            source.len(),
            first.as_secs_f64() * 1e3,
            rest.as_secs_f64() * 1e3,
            iterations.saturating_sub(1).max(1),
            json.len()
        );
    }
    // What a text back end (splicing edits into the source) would still do:
    // parse, resolve and plan; it skips hygiene, fixer and printing.
    let options = Options::default();
    let start = Instant::now();
    for _ in 0..iterations {
        driver::with_globals(|| {
            if let Ok(parsed) = driver::parse(&source, filename) {
                std::hint::black_box(analyze(&parsed.program, &options, parsed.unresolved_mark));
            }
        });
    }
    println!(
        "native {path}: parse + resolve + plan only (the text back end's floor): mean {:.2} ms",
        start.elapsed().as_secs_f64() * 1e3 / f64::from(iterations.max(1))
    );
}

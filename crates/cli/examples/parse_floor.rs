//! The codemod's floor for benchmarks: walk the same files the codemod
//! would (same `ignore` rules, same rayon pool), read and parse each one,
//! nothing else. `scripts/bench.sh` compares the codemod's `--check` run
//! against it: `parse_floor [--threads N] DIR`.

use std::path::PathBuf;

use rayon::prelude::*;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--threads") {
        let threads: usize = args.get(at + 1).and_then(|n| n.parse().ok()).unwrap_or(1);
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
        args.drain(at..(at + 2).min(args.len()));
    }
    let root = PathBuf::from(args.first().map(String::as_str).unwrap_or("."));
    let files: Vec<PathBuf> = ignore::WalkBuilder::new(&root)
        .follow_links(false)
        .build()
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsx" || e == "jsx"))
        .collect();
    let parsed = files
        .par_iter()
        .filter(|path| {
            let Ok(source) = std::fs::read_to_string(path) else {
                return false;
            };
            handler_closures::driver::with_globals(|| {
                handler_closures::driver::parse_syntax(&source, &path.display().to_string()).is_ok()
            })
        })
        .count();
    println!("parsed {parsed} of {} files", files.len());
}

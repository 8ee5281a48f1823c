//! Runs analysis and the AST rewrite many times on one file, for profilers:
//! `valgrind --tool=callgrind target/release/examples/profile_analysis FILE 50`.
//! With `HC_PROFILE=analysis` only the analysis runs (no clone, no rewrite).

use handler_closures::{analyze, driver, rewrite_ast, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: profile_analysis FILE [ITERATIONS]");
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let source = std::fs::read_to_string(path).expect("readable file");
    let options = Options::default();
    driver::with_globals(|| {
        let parsed = driver::parse(&source, "profile.tsx").expect("parses");
        let analysis_only = std::env::var("HC_PROFILE").is_ok_and(|v| v == "analysis");
        let mut rewritten = 0;
        for _ in 0..iterations {
            let plan = analyze(&parsed.program, &options, parsed.unresolved_mark);
            if analysis_only {
                rewritten += plan.rewrites().count();
                continue;
            }
            let mut program = parsed.program.clone();
            rewrite_ast::apply(&mut program, &plan);
            rewritten += plan.rewrites().count();
        }
        println!("{rewritten} handlers rewritten");
    });
}

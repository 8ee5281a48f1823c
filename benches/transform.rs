//! Native cost of the transform against the floor it cannot avoid.
//!
//! For each corpus size (`scripts/gen-corpus.py sizes`; the directory is
//! `$HC_BENCH_CORPUS`, default `target/bench-corpus`) criterion times parse,
//! resolve, analysis, AST rewrite, print, and the text back end. Afterwards
//! the ratios are printed from criterion's own estimates:
//! `(analysis + rewrite) / (parse + print)`, goal at most 0.10.
//!
//! First, the text back end on 16,000 handlers written on one line (generated
//! or minified code) against the same handlers one per line: the ratio must
//! stay near 1 (it was 12 when each edit scanned its line).
//!
//! `scripts/bench.sh` generates the corpus and runs everything.

use std::{fs, path::PathBuf, time::Duration};

use criterion::{black_box, BatchSize, Criterion};
use handler_closures::{analyze, driver, rewrite_ast, rewrite_text, Options};
use swc_core::{
    common::{BytePos, Mark},
    ecma::{transforms::base::resolver, visit::VisitMutWith},
};

const SIZES: [&str; 3] = ["small", "medium", "large"];
const PHASES: [&str; 6] = [
    "parse",
    "resolve",
    "analysis",
    "rewrite",
    "print",
    "text-rewrite",
];

fn corpus_dir() -> PathBuf {
    std::env::var_os("HC_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-corpus"))
}

fn bench(c: &mut Criterion, size: &str, source: &str) {
    let options = Options::default();
    let mut group = c.benchmark_group(size);
    group.measurement_time(Duration::from_secs(if size == "large" { 6 } else { 3 }));
    group.warm_up_time(Duration::from_secs(1));
    group.sample_size(if size == "large" { 20 } else { 50 });

    driver::with_globals(|| {
        let parse_only = || {
            // The floor: lex and parse (driver::parse also resolves, so time
            // the parser alone through a syntax-only reparse).
            swc_only_parse(source)
        };
        group.bench_function("parse", |b| b.iter(|| black_box(parse_only())));

        group.bench_function("resolve", |b| {
            b.iter_batched(
                || swc_only_parse(source),
                |mut program| {
                    program.visit_mut_with(&mut resolver(Mark::new(), Mark::new(), true));
                    program
                },
                BatchSize::LargeInput,
            )
        });

        let parsed = driver::parse(source, "bench.tsx").expect("corpus parses");
        group.bench_function("analysis", |b| {
            b.iter(|| black_box(analyze(&parsed.program, &options, parsed.unresolved_mark)))
        });

        let plan = analyze(&parsed.program, &options, parsed.unresolved_mark);
        group.bench_function("rewrite", |b| {
            b.iter_batched(
                || parsed.program.clone(),
                |mut program| {
                    rewrite_ast::apply(&mut program, &plan);
                    program
                },
                BatchSize::LargeInput,
            )
        });

        group.bench_function("print", |b| b.iter(|| black_box(driver::print(&parsed))));

        // Indexing the text (lines, comments) is part of the text rewrite.
        group.bench_function("text-rewrite", |b| {
            b.iter(|| {
                let text = rewrite_text::SourceText::new(
                    source,
                    BytePos(parsed.program_start()),
                    &parsed.comments,
                );
                black_box(rewrite_text::apply(&text, &plan))
            })
        });
    });
    group.finish();
}

/// The same handlers on one line and one per line.
fn line_length_sources(handlers: usize) -> [(&'static str, String); 2] {
    let jsx: Vec<String> = (0..handlers)
        .map(|i| format!("<b onClick={{(e) => s.go({i}, e)}} />"))
        .collect();
    let source = |separator: &str| {
        format!(
            "export function A({{ s }}) {{ return <>{}</>; }}\n",
            jsx.join(separator)
        )
    };
    [("separate-lines", source("\n")), ("one-line", source(" "))]
}

/// Text rewrite (indexing included) of `line_length_sources`, and the table row.
fn bench_line_length(c: &mut Criterion) {
    const HANDLERS: usize = 16_000;
    let mut group = c.benchmark_group("line-length");
    group.sample_size(10);
    let sources = line_length_sources(HANDLERS);
    for (name, source) in &sources {
        driver::with_globals(|| {
            let parsed = driver::parse(source, "bench.tsx").expect("generated code parses");
            let plan = analyze(&parsed.program, &Options::default(), parsed.unresolved_mark);
            group.bench_function(*name, |b| {
                b.iter(|| {
                    let text = rewrite_text::SourceText::new(
                        source,
                        BytePos(parsed.program_start()),
                        &parsed.comments,
                    );
                    black_box(rewrite_text::apply(&text, &plan))
                })
            });
        });
    }
    group.finish();
    let separate = mean_ns("line-length", "separate-lines").unwrap_or(f64::NAN);
    let one_line = mean_ns("line-length", "one-line").unwrap_or(f64::NAN);
    println!("\n| text rewrite, {HANDLERS} handlers | one per line | all on one line | one line / one per line (goal ~1) |");
    println!("|---|---|---|---|");
    println!(
        "| | {:.2} ms | {:.2} ms | {:.2} |",
        separate / 1e6,
        one_line / 1e6,
        one_line / separate
    );
}

fn swc_only_parse(source: &str) -> swc_core::ecma::ast::Program {
    driver::parse_syntax(source, "bench.tsx").expect("corpus parses")
}

/// Criterion's mean estimate for `group/bench`, in nanoseconds.
fn mean_ns(group: &str, bench: &str) -> Option<f64> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let path = target
        .join("criterion")
        .join(group)
        .join(bench)
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench_line_length(&mut criterion);
    let mut measured = Vec::new();
    for size in SIZES {
        let path = corpus_dir().join(format!("{size}.tsx"));
        let Ok(source) = fs::read_to_string(&path) else {
            eprintln!(
                "missing {} (run scripts/gen-corpus.py sizes {})",
                path.display(),
                corpus_dir().display()
            );
            std::process::exit(2);
        };
        bench(&mut criterion, size, &source);
        measured.push((size, source.len()));
    }
    criterion.final_summary();

    println!("\n| size | bytes | {} | (analysis + rewrite) / (parse + print) | text-rewrite / (parse + print) |", PHASES.join(" | "));
    println!("|---|---|{}---|---|", "---|".repeat(PHASES.len()));
    for (size, bytes) in measured {
        let t: Vec<f64> = PHASES
            .iter()
            .map(|p| mean_ns(size, p).unwrap_or(f64::NAN))
            .collect();
        let cells: Vec<String> = t.iter().map(|ns| format!("{:.3} ms", ns / 1e6)).collect();
        let floor = t[0] + t[4];
        println!(
            "| {size} | {bytes} | {} | {:.3} | {:.3} |",
            cells.join(" | "),
            (t[2] + t[3]) / floor,
            t[5] / floor
        );
    }
}

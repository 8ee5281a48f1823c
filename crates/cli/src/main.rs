//! `handler-closures`: the transform on one file, or a codemod over a tree.
//!
//! ```text
//! handler-closures src/App.tsx          # transformed file on stdout
//! handler-closures - < src/App.tsx      # standard input
//! handler-closures --diff src/          # unified diffs of what would change
//! handler-closures --write src/         # rewrite in place (atomically)
//! handler-closures --check src/         # list files that would change; exit 1 if any
//! ```
//!
//! Exit codes: 0 success; 1 `--check` found files to change; 2 any error (a
//! refused handler, an unreadable or unparseable file, bad options, bad
//! usage), reported after every other file was processed.
//!
//! The output is the original text with the handlers' edits spliced in
//! (the text back end), so everything else stays byte for byte.

mod files;
mod manifest;
mod process;
mod report;
mod write;

use std::{
    io::{IsTerminal, Read, Write},
    path::PathBuf,
    process::ExitCode,
    time::Instant,
};

use clap::{error::ErrorKind, CommandFactory, Parser, ValueEnum};
use handler_closures::{nesting::STACK_BYTES, Options};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::{
    files::Found,
    process::{Action, FileReport, Job, Outcome},
    report::Summary,
};

/// Rewrites inline JSX event-handler arrows into explicit handler(...) bindings.
#[derive(Debug, Parser)]
#[command(name = "handler-closures", version, about)]
struct Cli {
    /// Files or directories to process; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Rewrite files in place (atomically; files that fail are left as they are).
    #[arg(long, conflicts_with = "check")]
    write: bool,

    /// List files that would change; exit 1 if any.
    #[arg(long)]
    check: bool,

    /// Print unified diffs of what would change (coloured on a terminal).
    #[arg(long)]
    diff: bool,

    /// JSON options file (the same options the SWC plugin takes).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// File extensions to process inside directories.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "tsx,jsx",
        value_name = "EXT,..."
    )]
    ext: Vec<String>,

    /// How diagnostics and the summary are reported.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Name used for standard input (syntax detection, messages and the
    /// module id; default `stdin.tsx`, which gives no module id).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    max_size: u64,

    /// Write a JSON manifest of every handler of the run to FILE (see the
    /// README for the schema); `-` writes it to stdout.
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `path:line:col: error[HC001]: message` lines and a summary on stderr.
    Human,
    /// One JSON report on stdout (see the README for the schema).
    Json,
}

impl Cli {
    /// The name standard input goes by.
    fn stdin_name(&self) -> String {
        self.stdin_filename
            .clone()
            .unwrap_or_else(|| "stdin.tsx".into())
    }
}

/// What the run does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// One file (or stdin) printed to stdout.
    Print,
    /// `--write`, `--check` and/or `--diff` over any number of paths.
    Codemod,
}

fn main() -> ExitCode {
    driver_quiet_parser_panics();
    let cli = Cli::parse();
    let mode = match usage(&cli) {
        Ok(mode) => mode,
        Err(message) => Cli::command()
            .error(ErrorKind::ArgumentConflict, message)
            .exit(),
    };
    let options = match load_options(&cli) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(message) = manifest_clash(&cli) {
        Cli::command()
            .error(ErrorKind::ArgumentConflict, message)
            .exit();
    }
    if options.registry.is_some() && mode == Mode::Codemod {
        Cli::command()
            .error(
                ErrorKind::ArgumentConflict,
                "the `registry` option is a build-time feature: a module id baked into source \
                 goes stale when the file moves, so it cannot be used with --write, --check or \
                 --diff (print one file to see its output, or use the bundler or SWC plugin)",
            )
            .exit();
    }
    // Every file is transformed on a thread with a stack that holds the
    // deepest nesting the driver accepts (deeper files are HC101); rayon's
    // and the main thread's default stacks are far smaller.
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(STACK_BYTES);
    if let Some(threads) = cli.threads {
        pool = pool.num_threads(threads.max(1));
    }
    let pool = match pool.build() {
        Ok(pool) => pool,
        Err(error) => {
            eprintln!("error: cannot start worker threads: {error}");
            return ExitCode::from(2);
        }
    };
    pool.install(|| match mode {
        Mode::Print => print_one(&cli, &options),
        Mode::Codemod => codemod(&cli, &options),
    })
}

/// Parser panics are reported as HC101 diagnostics; no panic message on stderr.
fn driver_quiet_parser_panics() {
    handler_closures::driver::quiet_parser_panics();
}

/// Checks the combination of paths and flags.
fn usage(cli: &Cli) -> Result<Mode, String> {
    let stdin = cli.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && cli.paths.len() > 1 {
        return Err("`-` (standard input) cannot be combined with other paths".into());
    }
    if stdin && cli.write {
        return Err(
            "cannot --write standard input; use --diff or no flag to print the result".into(),
        );
    }
    if !(cli.write || cli.check || cli.diff) {
        if cli.paths.len() > 1 || cli.paths[0].is_dir() {
            return Err(
                "a directory or several paths need a mode: --write (rewrite in place), --check (list files that would change) or --diff (show the changes)"
                    .into(),
            );
        }
        if cli.format == Format::Json {
            return Err("--format json reports on --write, --check or --diff runs; printing one file writes code to stdout".into());
        }
        return Ok(Mode::Print);
    }
    if cli.diff && cli.format == Format::Json {
        return Err(
            "--diff writes diffs to stdout and cannot be combined with --format json".into(),
        );
    }
    Ok(Mode::Codemod)
}

fn load_options(cli: &Cli) -> Result<Options, String> {
    let Some(path) = &cli.config else {
        return Ok(Options::default());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: error: cannot read options: {e}", path.display()))?;
    // Editors on Windows save JSON with a byte-order mark; it is not JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Options::from_json(text).map_err(|e| format!("{}: error[HC100]: {e}", path.display()))
}

fn read_stdin(cli: &Cli) -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: error: cannot read stdin: {e}", cli.stdin_name()))?;
    process::text(bytes).map_err(|e| format!("{}: error: {e}", cli.stdin_name()))
}

/// One file (or stdin) to stdout, as the issue-2 contract says.
fn print_one(cli: &Cli, options: &Options) -> ExitCode {
    let job = Job {
        options,
        describe: cli.manifest.is_some(),
        cwd: working_directory(),
        stdin_named: cli.stdin_filename.is_some(),
        action: Action::Report,
        max_bytes: cli.max_size,
        keep_output: true,
    };
    let report = if cli.paths[0].as_os_str() == "-" {
        match read_stdin(cli) {
            Ok(source) => process::process_source(cli.stdin_name(), source, None, &job),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        }
    } else {
        process::process_path(&cli.paths[0], &job)
    };
    report::diagnostics(&report, std::io::stderr().is_terminal());
    if let Err(message) = write_manifest(cli, std::slice::from_ref(&report)) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    if let Outcome::Done {
        output: Some(code), ..
    } = &report.outcome
    {
        let mut stdout = std::io::stdout().lock();
        if let Err(error) = stdout
            .write_all(code.as_bytes())
            .and_then(|()| stdout.flush())
        {
            eprintln!("error: cannot write to stdout: {error}");
            return ExitCode::from(2);
        }
    }
    exit_code(std::slice::from_ref(&report), false)
}

fn codemod(cli: &Cli, options: &Options) -> ExitCode {
    let start = Instant::now();
    let job = Job {
        options,
        describe: cli.manifest.is_some(),
        cwd: working_directory(),
        stdin_named: cli.stdin_filename.is_some(),
        action: if cli.write {
            Action::Write
        } else {
            Action::Report
        },
        max_bytes: cli.max_size,
        keep_output: cli.diff,
    };
    let mut reports: Vec<FileReport> = if cli.paths[0].as_os_str() == "-" {
        match read_stdin(cli) {
            Ok(source) => vec![process::process_source(
                cli.stdin_name(),
                source,
                None,
                &job,
            )],
            Err(message) => vec![FileReport::failed(cli.stdin_name(), message)],
        }
    } else {
        let found = files::discover(&cli.paths, &cli.ext);
        let progress = progress_bar(found.len());
        let reports = found
            .par_iter()
            .map(|found| {
                let report = match found {
                    Found::File(path) => process::process_path(path, &job),
                    Found::Error { path, message } => {
                        FileReport::failed(path.display().to_string(), message.clone())
                    }
                };
                progress.inc(1);
                report
            })
            .collect();
        progress.finish_and_clear();
        reports
    };
    reports.sort_by(|a, b| a.name.cmp(&b.name));

    let terminal_err = std::io::stderr().is_terminal();
    let terminal_out = std::io::stdout().is_terminal();
    let mut stdout = std::io::stdout().lock();
    for report in &reports {
        if cli.format == Format::Human {
            report::diagnostics(report, terminal_err);
        }
        if cli.diff {
            if let (
                Outcome::Done {
                    output: Some(after),
                    changed: true,
                    ..
                },
                Some(before),
            ) = (&report.outcome, &report.source)
            {
                let _ = stdout
                    .write_all(report::diff(&report.name, before, after, terminal_out).as_bytes());
            }
        }
        if cli.check && report.changed() && cli.format == Format::Human {
            let _ = writeln!(stdout, "{}", report.name);
        }
    }
    if let Err(message) = write_manifest(cli, &reports) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    let summary = Summary::new(&reports, start.elapsed());
    match cli.format {
        Format::Human => eprintln!("{}", summary.line()),
        Format::Json => {
            let _ = writeln!(stdout, "{}", report::json(&reports, &summary));
        }
    }
    let _ = stdout.flush();
    exit_code(&reports, cli.check)
}

/// The working directory, as module ids are computed from it.
fn working_directory() -> Option<String> {
    std::env::current_dir()
        .ok()
        .map(|dir| dir.to_string_lossy().into_owned())
}

/// Why `--manifest` cannot be written where it is asked: it names an input
/// file, or a file with an extension the run processes.
fn manifest_clash(cli: &Cli) -> Option<String> {
    let manifest = cli.manifest.as_ref().filter(|p| p.as_os_str() != "-")?;
    let canonical = std::fs::canonicalize(manifest).ok();
    let is_input = cli.paths.iter().any(|path| {
        path == manifest || (canonical.is_some() && std::fs::canonicalize(path).ok() == canonical)
    });
    let ext = manifest
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let processed = ext.is_some_and(|ext| cli.ext.iter().any(|e| e.eq_ignore_ascii_case(&ext)));
    (is_input || processed).then(|| {
        format!(
            "--manifest {} would overwrite a file the run reads; name a .json file",
            manifest.display()
        )
    })
}

/// Writes `--manifest`: one document for the run, files and handlers sorted.
fn write_manifest(cli: &Cli, reports: &[FileReport]) -> Result<(), String> {
    let Some(path) = &cli.manifest else {
        return Ok(());
    };
    let json = manifest::document(reports);
    if path.as_os_str() == "-" {
        println!("{json}");
        return Ok(());
    }
    // A bare file name has an empty parent, where no temporary file can go.
    let full = match std::env::current_dir() {
        Ok(dir) if path.is_relative() => dir.join(path),
        _ => path.clone(),
    };
    if full.is_dir() {
        return Err(format!(
            "{}: error: cannot write the manifest: it is a directory",
            path.display()
        ));
    }
    manifest::write(&full, &format!("{json}\n"))
        .map_err(|e| format!("{}: error: cannot write the manifest: {e}", path.display()))
}

fn exit_code(reports: &[FileReport], check: bool) -> ExitCode {
    if reports.iter().any(FileReport::has_error) {
        ExitCode::from(2)
    } else if check && reports.iter().any(FileReport::changed) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A progress bar on stderr for long runs on a terminal.
fn progress_bar(files: usize) -> ProgressBar {
    if files < 200 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    bar
}

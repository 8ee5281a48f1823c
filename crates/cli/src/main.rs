//! `handler-closures`: runs the transform on a file and prints the result.
//!
//! ```text
//! handler-closures src/App.tsx            # transformed file on stdout
//! handler-closures - < src/App.tsx        # read stdin
//! handler-closures --config hc.json FILE  # options as the plugin takes them
//! ```
//!
//! | situation                         | stdout             | stderr       | exit |
//! |-----------------------------------|--------------------|--------------|------|
//! | no error                          | transformed file   | warnings     | 0    |
//! | some handlers refused (errors)    | file, those as is  | the errors   | 2    |
//! | unreadable, unparseable, bad opts | nothing            | the error    | 2    |

use std::{
    io::{IsTerminal, Read, Write},
    path::PathBuf,
    process::ExitCode,
};

use clap::Parser;
use handler_closures::{
    driver::{self, Located},
    Options,
};

/// Rewrites inline JSX event-handler arrows into explicit handler(...) bindings.
#[derive(Debug, Parser)]
#[command(name = "handler-closures", version)]
struct Cli {
    /// The file to transform; `-` reads standard input.
    file: PathBuf,

    /// JSON options file (the same options the SWC plugin takes).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// File name used for syntax detection and messages when reading stdin.
    #[arg(long, value_name = "NAME", default_value = "stdin.tsx")]
    stdin_filename: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, String> {
    let options = match &cli.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{}: cannot read options: {e}", path.display()))?;
            Options::from_json(&text)
                .map_err(|e| format!("{}: error[HC100]: {e}", path.display()))?
        }
        None => Options::default(),
    };
    let (name, source) = read_input(cli)?;
    let output = match driver::transform(&source, &name, &options) {
        Ok(output) => output,
        Err(error) => {
            report(&name, &source, &error);
            return Ok(ExitCode::from(2));
        }
    };
    for diagnostic in &output.diagnostics {
        report(&name, &source, diagnostic);
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(output.code.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(if output.has_errors() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn read_input(cli: &Cli) -> Result<(String, String), String> {
    if cli.file.as_os_str() == "-" {
        let mut source = String::new();
        std::io::stdin()
            .read_to_string(&mut source)
            .map_err(|e| format!("{}: cannot read stdin: {e}", cli.stdin_filename))?;
        return Ok((cli.stdin_filename.clone(), source));
    }
    let name = cli.file.display().to_string();
    let bytes = std::fs::read(&cli.file).map_err(|e| format!("{name}: cannot read file: {e}"))?;
    let source = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not a UTF-8 text file (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok((name, source))
}

/// `path:line:col: severity[CODE]: message`, plus a code frame on a terminal.
fn report(name: &str, source: &str, diagnostic: &Located) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{name}:{diagnostic}");
    if std::io::stderr().is_terminal() {
        if let Some(line) = source.lines().nth(diagnostic.line.saturating_sub(1)) {
            let width = if diagnostic.end_line == diagnostic.line {
                diagnostic
                    .end_column
                    .saturating_sub(diagnostic.column)
                    .max(1)
            } else {
                1
            };
            let pad = " ".repeat(diagnostic.line.to_string().len());
            let _ = writeln!(stderr, "{pad} |");
            let _ = writeln!(stderr, "{} | {line}", diagnostic.line);
            let _ = writeln!(
                stderr,
                "{pad} | {}{} {}",
                " ".repeat(diagnostic.column.saturating_sub(1)),
                "^".repeat(width),
                diagnostic.label
            );
            let _ = writeln!(stderr, "{pad} = help: {}", diagnostic.help);
        }
    }
}

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use board_explorer::cli::{Cli, Verb, run, with_window_file};

fn main() -> ExitCode {
    let cli = Cli::parse_from(with_window_file(std::env::args_os().collect()));
    match cli.command {
        None => window(None),
        Some(Verb::Open { file }) => window(Some(file)),
        Some(command) => match run(command) {
            Ok(out) => match emit(&mut std::io::stdout().lock(), out.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                // The reader stopped reading (`roster big.ron | head -1`): it has what it
                // wanted, so end quietly, as a program killed by the signal would.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                // A full disk behind `> file` is a failure the user must hear of.
                Err(e) => {
                    let _ = writeln!(
                        std::io::stderr(),
                        "board-explorer: cannot write the output: {e}"
                    );
                    ExitCode::FAILURE
                }
            },
            Err(err) => {
                // Standard error may be closed too: the exit code still says it failed.
                let _ = writeln!(std::io::stderr(), "{err}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Opens the window, on `file` when one is given.
fn window(file: Option<std::path::PathBuf>) -> ExitCode {
    match board_explorer::ui::run_native(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("board-explorer: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the whole output and flushes it, returning the first error instead of panicking
/// (`print!` panics on a closed pipe).
fn emit(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(bytes)?;
    out.flush()
}

use std::process::ExitCode;

use clap::Parser;

use board_explorer::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => match board_explorer::ui::run_native() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("board-explorer: could not open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(command) => match run(command) {
            Ok(out) => {
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("{err}");
                ExitCode::FAILURE
            }
        },
    }
}

//! Running the real binary from command-line tests: whether it succeeded, and what it printed.

use std::process::Command;

/// Runs `board-explorer` with `args`: (success, standard output, standard error).
pub fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

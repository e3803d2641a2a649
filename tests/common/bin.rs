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

/// [`run`] in the working directory `dir` (where `saves/` is).
#[allow(dead_code)] // The window tests do not run the binary elsewhere.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The embedded dataset in a file of its own, `board.ron` in `dir`, for a command to change.
#[allow(dead_code)] // The window tests do not run commands on files.
pub fn dataset_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("board.ron");
    std::fs::write(
        &path,
        board_explorer::store::to_ron(&board_explorer::store::embedded()),
    )
    .unwrap();
    path
}

/// A path as a command-line argument.
#[allow(dead_code)]
pub fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}
